namespace EbookBuilder.Pipeline;

/// <summary>The names of the formats on the command line and in book.toml, and their file extensions.</summary>
public static class OutputFormatNames
{
    /// <summary>The names a format list may hold.</summary>
    public static IReadOnlyList<string> Names { get; } = ["epub", "pdf", "kepub", "azw3", "all"];

    /// <summary>epub, pdf, kepub, azw3 or all (EPUB and PDF); null for anything else.</summary>
    public static OutputFormats? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "epub" => OutputFormats.Epub,
        "pdf" => OutputFormats.Pdf,
        "kepub" => OutputFormats.Kepub,
        "azw3" => OutputFormats.Azw3,
        "all" => OutputFormats.All,
        _ => null,
    };

    /// <summary>
    /// A comma list of names ("epub,pdf", as pandoc and calibre users write it) or one name: the
    /// formats, or null with the first name that is not one in <paramref name="unknown"/>.
    /// </summary>
    public static OutputFormats? ParseList(string text, out string? unknown)
    {
        var formats = OutputFormats.None;
        unknown = null;
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (Parse(name) is { } format) formats |= format;
            else
            {
                unknown = name;
                return null;
            }
        }
        return formats == OutputFormats.None ? null : formats;
    }

    /// <summary>
    /// What to say of a name that is not a format but means one (" (for a Kindle: azw3)" for
    /// mobi, kindle, kf8 or azw: the Kindle format this program writes is AZW3), else "".
    /// </summary>
    public static string Hint(string name) =>
        name.Trim().ToLowerInvariant() is "mobi" or "kindle" or "kf8" or "azw" or "prc" ? "; for a Kindle, give azw3 (KF8, what Kindles take over USB)" : "";

    /// <summary>The one format a file name's extension names (book.epub, book.kepub.epub, book.pdf, book.azw3), or null.</summary>
    public static OutputFormats? OfFile(string path) =>
        path.EndsWith(".kepub.epub", StringComparison.OrdinalIgnoreCase) ? OutputFormats.Kepub
        : Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".epub" => OutputFormats.Epub,
            ".pdf" => OutputFormats.Pdf,
            ".azw3" => OutputFormats.Azw3,
            _ => null,
        };
}
