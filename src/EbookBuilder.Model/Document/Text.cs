namespace EbookBuilder.Model.Document;

/// <summary>A run of text, whitespace already normalised.</summary>
public sealed record Text(string Value, SourceSpan Source) : Inline(Source);
