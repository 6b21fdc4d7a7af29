using Markdig;
using Markdig.Syntax;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest.Formats;

/// <summary>Plain Markdown (CommonMark with the usual extensions), title from its first heading.</summary>
internal static class MarkdownFormat
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseEmphasisExtras()
        // CommonMark does not let ** close after Chinese punctuation before a character
        // (**加粗？**后文 kept its asterisks): Markdig's CJK-friendly rules do.
        .UseCjkFriendlyEmphasis()
        .UseAutoLinks()
        .UseFigures()
        .Build();

    public static Article Read(string text, string file, DiagnosticBag diagnostics, CleanRules rules)
    {
        MarkdownDocument markdown;
        try
        {
            markdown = Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("deeply nested", StringComparison.OrdinalIgnoreCase))
        {
            // Markdig refuses nesting past its depth limit ("> > > …" a thousand times over).
            diagnostics.Warn(DiagnosticCodes.DeepNesting, "Markdown nested deeper than its parser allows; read as plain text, its formatting dropped",
                EbookBuilder.Model.Document.SourceSpan.InFile(file));
            return PlainText(text, file, diagnostics, rules);
        }
        var title = Path.GetFileNameWithoutExtension(file);
        if (markdown.FirstOrDefault(b => b is not Markdig.Extensions.Yaml.YamlFrontMatterBlock) is HeadingBlock { Level: <= 3 } heading
            && heading.Inline is not null)
        {
            title = string.Concat(heading.Inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()));
            markdown.Remove(heading);
        }
        var html = markdown.ToHtml(Pipeline);
        var document = HtmlParsing.Parse($"<html><head><title></title></head><body>{html}</body></html>", file, diagnostics);
        return HtmlFormat.ReadDocument(document, file, diagnostics, title, rules) with { Title = title };
    }

    /// <summary>The text as paragraphs (at blank lines), without the quote and list marks that nested it; the first heading line is the title.</summary>
    private static Article PlainText(string text, string file, DiagnosticBag diagnostics, CleanRules rules)
    {
        var title = Path.GetFileNameWithoutExtension(file);
        var html = new System.Text.StringBuilder();
        foreach (var block in text.Replace("\r\n", "\n").Split("\n\n"))
        {
            var lines = block.Split('\n').Select(l => l.TrimStart('>', ' ', '\t')).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0) continue;
            if (html.Length == 0 && title == Path.GetFileNameWithoutExtension(file) && lines[0].StartsWith('#'))
            {
                title = lines[0].TrimStart('#').Trim();
                lines.RemoveAt(0);
                if (lines.Count == 0) continue;
            }
            html.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(string.Join('\n', lines))).Append("</p>\n");
        }
        var document = HtmlParsing.Parse($"<html><head><title></title></head><body>{html}</body></html>", file, diagnostics);
        return HtmlFormat.ReadDocument(document, file, diagnostics, title, rules) with { Title = title };
    }
}
