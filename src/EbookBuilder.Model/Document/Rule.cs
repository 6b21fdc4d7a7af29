namespace EbookBuilder.Model.Document;

/// <summary>A thematic break.</summary>
public sealed record Rule(SourceSpan Source) : Block(Source);
