namespace EbookBuilder.Model.Document;

/// <summary>The whole book: metadata and chapters, in reading order.</summary>
public sealed record Book(BookMetadata Metadata, IReadOnlyList<Chapter> Chapters)
{
    /// <summary>Every article of every chapter, in reading order.</summary>
    public IEnumerable<Article> Articles => Chapters.SelectMany(c => c.Articles);
}
