namespace EbookBuilder.Model.Document;

/// <summary>One article: its title, the metadata found in it, and its body.</summary>
public sealed record Article(
    string Title,
    DateOnly? Date,
    string? SourceUrl,
    string? Publisher,
    IReadOnlyList<Block> Blocks,
    SourceSpan Source);
