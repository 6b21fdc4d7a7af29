using EbookBuilder.Model.Document;

namespace EbookBuilder.Assembly;

/// <summary>
/// A chapter before its articles are read: its title and the article files, in order, with the
/// ordering, limit and date range to apply once the articles are read (a book file's chapters).
/// </summary>
public sealed record ChapterSource(string Title, IReadOnlyList<string> Files, SourceSpan Origin)
{
    /// <summary>How the articles are ordered once read.</summary>
    public ChapterOrder Order { get; init; } = ChapterOrder.Index;

    /// <summary>Keep only this many of the newest articles.</summary>
    public int? Limit { get; init; }

    /// <summary>Keep articles dated on or after this day.</summary>
    public DateOnly? Since { get; init; }

    /// <summary>Keep articles dated on or before this day.</summary>
    public DateOnly? Until { get; init; }
}
