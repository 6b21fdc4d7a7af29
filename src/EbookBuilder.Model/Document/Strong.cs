namespace EbookBuilder.Model.Document;

/// <summary>Strongly emphasised inline content (HTML strong, b).</summary>
public sealed record Strong(IReadOnlyList<Inline> Children, SourceSpan Source) : Inline(Source);
