using EbookBuilder.Ingest.Formats;
using EbookBuilder.Ingest.Chars;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Model.Text;

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

    /// <summary>
    /// The largest article file read (8 MB: a long news article is well under 1 MB). A larger one
    /// is left out with a warning, so that one runaway file cannot take the machine's memory.
    /// </summary>
    public static long MaxArticleBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>The encoding a name gives (big5, gb18030, utf-8…), or null when none has that name.</summary>
    public static System.Text.Encoding? EncodingNamed(string name) => TextDecoder.Named(name);

    /// <summary>Reads and cleans the article at <paramref name="path"/>.</summary>
    /// <param name="path">The article file.</param>
    /// <param name="diagnostics">Where what is wrong with it is told.</param>
    /// <param name="rules">The book's extra cleaning rules.</param>
    /// <param name="encoding">The encoding every article is in (--encoding); null to tell it from the bytes.</param>
    public static Article? Read(string path, DiagnosticBag diagnostics, CleanRules? rules = null, System.Text.Encoding? encoding = null)
    {
        byte[] bytes;
        try
        {
            bytes = InputFile.ReadBytes(path, MaxArticleBytes);
        }
        catch (InputFileTooLargeException e)
        {
            diagnostics.Warn(DiagnosticCodes.ArticleTooLarge, e.Grew
                ? "the file grew while it was read; it is left out (build again when it is written)"
                : $"the file is {e.Length / 1048576.0:0.0} MB, more than the {MaxArticleBytes / 1048576} MB an article may be; it is left out", SourceSpan.InFile(path));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warn(DiagnosticCodes.FileUnreadable, $"cannot read the file ({e.Message}); it is left out", SourceSpan.InFile(path));
            return null;
        }
        if (bytes.Length == 0)
        {
            diagnostics.Warn(DiagnosticCodes.EmptyArticle,
                "the file is empty, or not a regular file (a pipe or a device, which is not read); it is left out", SourceSpan.InFile(path));
            return null;
        }
        if (LooksBinary(bytes))
        {
            diagnostics.Warn(DiagnosticCodes.NotText, "the file holds binary data (NUL bytes or mostly invalid text), not an article; it is left out", SourceSpan.InFile(path));
            return null;
        }
        var text = WithoutControls(TextDecoder.Decode(bytes, path, diagnostics, encoding).Text);
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

    /// <summary>
    /// The text without NUL and the other C0 control characters but tab, line feed, carriage return
    /// and form feed: they are never text, and the HTML parser would turn a NUL into U+FFFD.
    /// </summary>
    private static string WithoutControls(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u0008') && !text.AsSpan().ContainsAnyInRange('\u000E', '\u001F') && !text.Contains('\u000B'))
            return text;
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
            if (c >= ' ' || c is '\t' or '\n' or '\r' or '\f') kept.Append(c);
        return kept.ToString();
    }

    /// <summary>
    /// Binary data, not text: in the first 64 KB, at least 32 bytes, and more than 1 in 20, are NUL or
    /// control bytes that text never holds (a text with a few stray NULs is still read, without them). (UTF-16 files, which are full of NULs, start with a byte order mark.)
    /// </summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return false;
        var head = bytes[..Math.Min(bytes.Length, 65536)];
        var odd = 0;
        foreach (var b in head) if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C or 0x1B)) odd++;
        return odd >= 32 && odd * 20 > head.Length;
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
