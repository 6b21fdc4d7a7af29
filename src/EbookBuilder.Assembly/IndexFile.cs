using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Text;
using SourceSpan = EbookBuilder.Model.Document.SourceSpan;

namespace EbookBuilder.Assembly;

/// <summary>
/// A link-list index: a Markdown file whose links point at article files. Its links, read with
/// Markdig, give the chapter's articles in link order; the same article linked twice counts once.
/// </summary>
public static class IndexFile
{
    /// <summary>The links of a Markdown file with their lines.</summary>
    internal static IReadOnlyList<(string Url, int Line)> Links(string markdown)
    {
        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build());
        return document.Descendants<LinkInline>()
            .Where(l => !l.IsImage && !string.IsNullOrWhiteSpace(l.Url))
            .Select(l => (l.Url!, l.Line + 1))
            .ToList();
    }

    /// <summary>
    /// Whether the file at <paramref name="path"/> is an index list, and then its text. Only
    /// Markdown files (.md, .markdown) can be; most are told apart by their first 4 KB (nearly
    /// every article shows some markup, "&lt;p", in it) without reading and decoding the rest. A file
    /// that cannot be read, or is larger than an article may be, is none: it is then read as an
    /// article, which says what is wrong with it.
    /// </summary>
    public static bool TryRead(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? markdown)
    {
        markdown = null;
        if (Path.GetExtension(path).ToLowerInvariant() is not (".md" or ".markdown")) return false;
        try
        {
            Span<byte> prefix = stackalloc byte[4096];
            var head = prefix[..EbookBuilder.Model.Text.InputFile.ReadPrefix(path, prefix)];
            if (head.IndexOf("<p"u8) >= 0 || head.IndexOf("<P"u8) >= 0) return false;
            var text = EbookBuilder.Model.Text.InputFile.ReadText(path, EbookBuilder.Ingest.ArticleReader.MaxArticleBytes);
            if (!LooksLikeIndex(text)) return false;
            markdown = text;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether a Markdown file is a link list rather than an article: mostly lines of links to .md files, no article HTML.</summary>
    public static bool LooksLikeIndex(string markdown)
    {
        // Cheap tests first: every article of a folder comes through here, and few are indexes.
        if (markdown.Contains("<p", StringComparison.OrdinalIgnoreCase)) return false;
        var lines = markdown.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0) return false;
        var linkLines = lines.Count(l => l.Contains("](", StringComparison.Ordinal));
        return linkLines * 2 >= lines.Count && Links(markdown).Count(l => IsLocalArticleLink(l.Url)) >= 2;
    }

    /// <summary>Resolves the index's links to article files; unresolved local links are reported.</summary>
    public static IReadOnlyList<string> ArticleFiles(string indexPath, string markdown, DiagnosticBag diagnostics, string? root = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(indexPath))!;
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var external = 0;
        foreach (var (url, line) in Links(markdown))
        {
            if (!IsLocalArticleLink(url))
            {
                external++;
                continue;
            }
            var relative = Uri.UnescapeDataString(url.Split('?', '#')[0]);
            var check = Path.IsPathRooted(relative)
                ? new BookFolder.Checked(relative, FileKind.Missing, "is an absolute path; it is refused", Outside: true)
                : BookFolder.Check(root ?? BookFolder.ForIndex(indexPath), Path.Combine(folder, relative));
            if (check.Outside)
            {
                // A crafted index (or a link in the folder) must not put files from elsewhere on the machine into a book.
                diagnostics.Warn(DiagnosticCodes.OutsideBook,
                    $"link target '{relative}' {check.Refusal}", new SourceSpan(indexPath, line));
                continue;
            }
            if (!check.Allowed)
            {
                diagnostics.Warn(DiagnosticCodes.IndexLinkUnresolved,
                    $"link target '{relative}' {check.Refusal}; the link is skipped", new SourceSpan(indexPath, line));
                continue;
            }
            var path = check.Real;
            if (seen.Add(path)) files.Add(path);
        }
        if (external > 0)
        {
            diagnostics.Info(DiagnosticCodes.IndexLinkUnresolved, $"{external} link(s) to web pages are not articles and were skipped",
                SourceSpan.InFile(indexPath));
        }
        return files;
    }

    private static bool IsLocalArticleLink(string url)
    {
        if (url.StartsWith('#') || url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            return false;
        var path = url.Split('?', '#')[0];
        return Ingest.ArticleReader.ArticleExtensions.Contains(Path.GetExtension(path));
    }
}
