namespace EbookBuilder.Pipeline;

/// <summary>A file the build wrote.</summary>
public sealed record OutputFile(string Format, string Path, long Bytes)
{
    /// <summary>Its pages, for a PDF (0, and not in the report, for a reflowable book).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int Pages { get; init; }
}
