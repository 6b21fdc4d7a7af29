namespace EbookBuilder.Model.Document;

/// <summary>A heading inside an article; level 1 is the article's highest heading level.</summary>
public sealed record Heading(int Level, IReadOnlyList<Inline> Content, SourceSpan Source) : Block(Source);
