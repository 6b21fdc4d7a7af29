using EbookBuilder.Model.Document;

namespace EbookBuilder.Assembly;

/// <summary>
/// A chapter as a book file describes it: a title (else the first source's), its sources (files,
/// folders, globs such as <c>pages/soh5/*.md</c>, index link lists; absolute paths), how its
/// articles are ordered, how many of the newest to keep, and a date range.
/// </summary>
public sealed record ChapterSpec(string? Title, IReadOnlyList<string> Sources, SourceSpan Origin,
    ChapterOrder Order = ChapterOrder.Index, int? Limit = null, DateOnly? Since = null, DateOnly? Until = null);
