namespace EbookBuilder.Model.Document;

/// <summary>
/// Where the typeset book's pages begin, in the book's own terms: for each page, the first thing
/// that starts on it (a chapter's opening, an article's title, or an article's top-level block,
/// by index; -1 for "the title itself"). The EPUB marks these places with page breaks and lists
/// them in its page-list, so a citation by page finds the same text in the EPUB and the PDF.
/// Pages on which nothing starts (a paragraph running over from the page before) have no entry.
/// </summary>
public sealed record PageMap(IReadOnlyDictionary<(int Chapter, int Article, int Block), int> Starts)
{
    /// <summary>What the page numbers are of, in words (EPUB's pageBreakSource): "PDF, 148 × 210 mm".</summary>
    public string Source { get; init; } = "PDF";

    /// <summary>The page that begins at the place, or null.</summary>
    public int? PageAt(int chapter, int article, int block) => Starts.TryGetValue((chapter, article, block), out var page) ? page : null;
}
