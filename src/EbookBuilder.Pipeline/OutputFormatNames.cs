namespace EbookBuilder.Pipeline;

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
