namespace EbookBuilder.Model.Document;

/// <summary>A block quotation.</summary>
public sealed record Quote(IReadOnlyList<Block> Blocks, SourceSpan Source) : Block(Source);
