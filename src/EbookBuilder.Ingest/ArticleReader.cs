using EbookBuilder.Ingest.Formats;
using EbookBuilder.Ingest.Chars;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest;

/// <summary>
/// Reads one article file (news-mirror Markdown with raw HTML, plain Markdown, or HTML), cleans it
/// and returns it as the document model. Problems become diagnostics; a file that cannot be read
/// gives null and a warning, so the rest of the book is still built.
/// </summary>
public static class ArticleReader
{
    /// <summary>The file name endings read as articles.</summary>
    public static readonly IReadOnlySet<string> ArticleExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown", ".txt", ".html", ".htm", ".xhtml" };

    /// <summary>Reads and cleans the article at <paramref name="path"/>.</summary>
    public static Article? Read(string path, DiagnosticBag diagnostics, CleanRules? rules = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warn(DiagnosticCodes.FileUnreadable, $"cannot read the file ({e.Message}); it is left out", SourceSpan.InFile(path));
            return null;
        }
        var text = TextDecoder.Decode(bytes, path, diagnostics).Text;
        try
        {
            return ReadText(text, path, diagnostics, rules);
        }
        catch (TimeoutException e)
        {
            diagnostics.Warn(DiagnosticCodes.ParseTimeout, $"{e.Message}; the article is left out", SourceSpan.InFile(path));
            return null;
        }
    }

    /// <summary>Cleans an article whose text is already decoded; <paramref name="path"/> names it in diagnostics.</summary>
    public static Article ReadText(string text, string path, DiagnosticBag diagnostics, CleanRules? rules = null)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        rules ??= CleanRules.None;
        if (extension is ".html" or ".htm" or ".xhtml") return HtmlFormat.Read(text, path, diagnostics, rules);
        return MirrorFormat.Matches(text)
            ? MirrorFormat.Read(text, path, diagnostics, rules)
            : MarkdownFormat.Read(text, path, diagnostics, rules);
    }
}
