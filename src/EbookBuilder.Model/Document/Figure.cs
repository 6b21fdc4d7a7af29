namespace EbookBuilder.Model.Document;

/// <summary>An image together with its caption (either may be missing, not both).</summary>
public sealed record Figure(ImageReference? Image, IReadOnlyList<Inline> Caption, SourceSpan Source) : Block(Source);
