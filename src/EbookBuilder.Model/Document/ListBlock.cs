namespace EbookBuilder.Model.Document;

/// <summary>An ordered or bulleted list; each item holds blocks.</summary>
public sealed record ListBlock(bool Ordered, IReadOnlyList<IReadOnlyList<Block>> Items, SourceSpan Source) : Block(Source);
