namespace EbookBuilder.Pipeline;

/// <summary>Which files a build writes.</summary>
[Flags]
public enum OutputFormats
{
    /// <summary>No format (only while a list of formats is read).</summary>
    None = 0,
    /// <summary>EPUB 3.</summary>
    Epub = 1,
    /// <summary>A typeset PDF.</summary>
    Pdf = 2,
    /// <summary>Both.</summary>
    All = Epub | Pdf,
}

/// <summary>The names of the formats on the command line and in book.toml.</summary>
public static class OutputFormatNames
{
    /// <summary>epub, pdf or all; null for anything else.</summary>
    public static OutputFormats? Parse(string name) => name switch
    {
        "epub" => OutputFormats.Epub,
        "pdf" => OutputFormats.Pdf,
        "all" => OutputFormats.All,
        _ => null,
    };
}
