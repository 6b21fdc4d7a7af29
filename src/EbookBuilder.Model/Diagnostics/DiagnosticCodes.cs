namespace EbookBuilder.Model.Diagnostics;

/// <summary>The stable diagnostic codes; scripts match on them, so never renumber.</summary>
public static class DiagnosticCodes
{
    /// <summary>Input path does not exist.</summary>
    public const string InputMissing = "EB001";
    /// <summary>An index link does not resolve to a file.</summary>
    public const string IndexLinkUnresolved = "EB002";
    /// <summary>A file could not be read, or is not a regular file (a pipe, a device, a socket).</summary>
    public const string FileUnreadable = "EB003";
    /// <summary>A file has bytes that are not valid text in its encoding.</summary>
    public const string InvalidEncoding = "EB004";
    /// <summary>A file was decoded as GB18030 rather than UTF-8.</summary>
    public const string LegacyEncoding = "EB005";
    /// <summary>An article has no body text.</summary>
    public const string EmptyArticle = "EB006";
    /// <summary>A chapter has no articles and was dropped.</summary>
    public const string EmptyChapter = "EB007";
    /// <summary>The book has no articles.</summary>
    public const string NoArticles = "EB008";
    /// <summary>The article appears twice; the later copy was dropped.</summary>
    public const string DuplicateArticle = "EB009";
    /// <summary>A file type is not an article format.</summary>
    public const string UnsupportedFile = "EB010";
    /// <summary>An article has no date, so a date range could not be applied to it.</summary>
    public const string Undated = "EB012";
    /// <summary>An article's markup took too long to parse and was left out, or a drop-lines pattern took too long on a paragraph (kept).</summary>
    public const string ParseTimeout = "EB013";
    /// <summary>Markup nested too deep; the deeper part was kept as plain text.</summary>
    public const string DeepNesting = "EB011";
    /// <summary>A file the book names (article, folder, index link, glob match, image, cover, font) leads outside the book's folder, links followed, and was not read.</summary>
    public const string OutsideBook = "EB014";
    /// <summary>An article file is larger than any real article and was left out.</summary>
    public const string ArticleTooLarge = "EB015";
    /// <summary>A file is binary data, not text, and was left out.</summary>
    public const string NotText = "EB016";
    /// <summary>A paragraph the cleaner dropped as a site's promotion or boilerplate (a note: --verbose and the report list each one).</summary>
    public const string Dropped = "EB017";
    /// <summary>An article's text could not be converted to the book's script (--script): it is kept as written.</summary>
    public const string NotConverted = "EB018";
    /// <summary>Images were not fetched (--no-images).</summary>
    public const string ImageNotEmbedded = "IMG001";
    /// <summary>An image could not be fetched, read or converted; the figure keeps its caption and a note.</summary>
    public const string ImageFailed = "IMG002";
    /// <summary>The image cache could not be written (a full disk); the images stay in memory for this build.</summary>
    public const string CacheUnwritable = "IMG003";
    /// <summary>No font in the chain has a character of the book.</summary>
    public const string CharacterNotCovered = "FNT001";
    /// <summary>The requested output format is not available.</summary>
    public const string FormatUnavailable = "OUT001";
    /// <summary>An output file could not be written.</summary>
    public const string OutputFailed = "OUT002";
    /// <summary>A writer failed on part of an article; that part was set as plain text, or left out.</summary>
    public const string WriterFallback = "OUT003";

    /// <summary>A book file over Send to Kindle's 50 MB, built without --split.</summary>
    public const string OverMailLimit = "OUT004";
}
