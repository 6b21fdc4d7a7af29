namespace EbookBuilder.Model.Document;

/// <summary>Inline content of a paragraph, heading or caption.</summary>
public abstract record Inline(SourceSpan Source);
