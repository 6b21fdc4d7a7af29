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
        .UseAutoLinks()
        .UseFigures()
        .Build();

    public static Article Read(string text, string file, DiagnosticBag diagnostics, CleanRules rules)
    {
        var markdown = Markdown.Parse(text, Pipeline);
        var title = Path.GetFileNameWithoutExtension(file);
        if (markdown.FirstOrDefault(b => b is not Markdig.Extensions.Yaml.YamlFrontMatterBlock) is HeadingBlock { Level: <= 3 } heading
            && heading.Inline is not null)
        {
            title = string.Concat(heading.Inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()));
            markdown.Remove(heading);
        }
        var html = markdown.ToHtml(Pipeline);
        var document = HtmlParsing.Parse($"<html><head><title></title></head><body>{html}</body></html>");
        return HtmlFormat.ReadDocument(document, file, diagnostics, title, rules) with { Title = title };
    }
}
