namespace EbookBuilder.Pipeline;

/// <summary>A file the build wrote.</summary>
public sealed record OutputFile(string Format, string Path, long Bytes);
