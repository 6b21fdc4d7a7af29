using System.Text.RegularExpressions;
using EbookBuilder.Ingest.Html;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest.Formats;

/// <summary>
/// The news-mirror format: a "### title" line, a dashed line, a navigation line of links, then the
/// article's HTML with the mirror's promotional "####" link blocks injected, and a footer (share
/// text, QR code, "原文地址：URL", more links, a tracking pixel).
/// Lines that are the mirror's and not the article's are blanked, not deleted, so that the HTML
/// parser's line numbers stay those of the file.
/// </summary>
internal static partial class MirrorFormat
{
    [GeneratedRegex(@"^\s*[-=]{3,}\s*$")]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"^ {0,3}#{2,6}(\s|$)")]
    private static partial Regex MarkdownHeadingLine();

    [GeneratedRegex(@"原文(?:地址|链接|鏈接|網址|网址)[^：:\n]{0,12}[：:]\s*(?<url>https?://[^\s<>""']+)")]
    private static partial Regex SourceLine();

    private const string ShareMarker = "手机上长按并复制";

    public static bool Matches(string text)
    {
        using var reader = new StringReader(text);
        string? line;
        while ((line = reader.ReadLine()) is not null && line.Trim().Length == 0) { }
        if (line is null || !line.StartsWith("### ", StringComparison.Ordinal)) return false;
        while ((line = reader.ReadLine()) is not null && line.Trim().Length == 0) { }
        return line is not null && RuleLine().IsMatch(line);
    }

    public static Article Read(string text, string file, DiagnosticBag diagnostics, CleanRules rules)
    {
        var lines = text.Split('\n');
        var titleLine = Array.FindIndex(lines, l => l.Trim().Length > 0);
        var title = lines[titleLine][4..].Trim();
        lines[titleLine] = "";

        var footer = Array.FindIndex(lines, l => l.Contains(ShareMarker, StringComparison.Ordinal) || SourceLine().IsMatch(l));
        string? sourceUrl = null;
        for (var i = footer < 0 ? lines.Length : footer; i < lines.Length; i++)
        {
            var m = SourceLine().Match(lines[i]);
            if (m.Success && sourceUrl is null) sourceUrl = m.Groups["url"].Value;
            lines[i] = "";
        }
        for (var i = 0; i < lines.Length; i++)
        {
            if (RuleLine().IsMatch(lines[i]) || MarkdownHeadingLine().IsMatch(lines[i])) lines[i] = "";
        }

        Uri.TryCreate(sourceUrl, UriKind.Absolute, out var baseUri);
        var context = new ArticleContext(file, title, baseUri, diagnostics) { Rules = rules };
        var document = HtmlParsing.Parse(string.Join('\n', lines), file, diagnostics);
        context.MarkupDate = Metadata.SourceFacts.MarkupDate(document);
        rules.ApplyTo(document);
        var builder = new BlockBuilder(context, topDepth: 1);
        builder.VisitChildren(document.Body!, 0);
        return ArticleFinisher.Finish(context, builder.Finish(), sourceUrl);
    }
}
