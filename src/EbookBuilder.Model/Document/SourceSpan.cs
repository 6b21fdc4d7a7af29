namespace EbookBuilder.Model.Document;

/// <summary>Where a node came from: a file and a 1-based line (0 when unknown).</summary>
public readonly record struct SourceSpan(string File, int Line)
{
    /// <summary>A span that names only the file.</summary>
    public static SourceSpan InFile(string file) => new(file, 0);

    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
