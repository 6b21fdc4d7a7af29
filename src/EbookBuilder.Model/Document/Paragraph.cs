namespace EbookBuilder.Model.Document;

/// <summary>A paragraph of body text.</summary>
public sealed record Paragraph(IReadOnlyList<Inline> Content, SourceSpan Source) : Block(Source);
