namespace EbookBuilder.Model.Document;

/// <summary>A chapter: a titled, ordered group of articles.</summary>
public sealed record Chapter(string Title, IReadOnlyList<Article> Articles, SourceSpan Source);
