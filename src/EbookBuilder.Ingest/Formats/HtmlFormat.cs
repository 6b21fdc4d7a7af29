using AngleSharp.Dom;
using EbookBuilder.Ingest.Html;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest.Formats;

/// <summary>An HTML file: a whole page (its article or main content is taken) or a fragment.</summary>
internal static class HtmlFormat
{
    private static readonly string[] ContentSelectors =
        ["article", "[itemprop=articleBody]", "main", "#content", ".post-content", ".entry-content", "body"];

    public static Article Read(string text, string file, DiagnosticBag diagnostics, CleanRules rules) =>
        ReadDocument(HtmlParsing.Parse(text, file, diagnostics), file, diagnostics, fallbackTitle: Path.GetFileNameWithoutExtension(file), rules);

    internal static Article ReadDocument(IDocument document, string file, DiagnosticBag diagnostics, string fallbackTitle, CleanRules rules)
    {
        rules.ApplyTo(document);
        IElement root = document.Body!;
        foreach (var selector in ContentSelectors)
        {
            if (document.QuerySelector(selector) is { } found) { root = found; break; }
        }
        var heading = root.QuerySelector("h1") ?? document.QuerySelector("h1");
        var title = Clean(heading?.TextContent);
        if (title is null)
        {
            title = Clean(document.QuerySelector("meta[property='og:title']")?.GetAttribute("content"))
                ?? Clean(document.Title) ?? fallbackTitle;
        }
        else if (heading is not null && root.Contains(heading))
        {
            heading.Remove(); // the title is the article header, not body text
        }
        var canonical = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")
            ?? document.QuerySelector("meta[property='og:url']")?.GetAttribute("content");
        var sourceUrl = Uri.TryCreate(canonical, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : null;
        var context = new ArticleContext(file, title, uri, diagnostics) { Rules = rules, MarkupDate = Metadata.SourceFacts.MarkupDate(document) };
        var builder = new BlockBuilder(context, topDepth: root == document.Body ? 1 : -1);
        builder.VisitChildren(root, 0);
        return ArticleFinisher.Finish(context, builder.Finish(), sourceUrl);
    }

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        return string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
