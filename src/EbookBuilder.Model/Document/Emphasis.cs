namespace EbookBuilder.Model.Document;

/// <summary>Emphasised inline content (HTML em, i, cite).</summary>
public sealed record Emphasis(IReadOnlyList<Inline> Children, SourceSpan Source) : Inline(Source);
