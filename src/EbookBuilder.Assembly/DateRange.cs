namespace EbookBuilder.Assembly;

/// <summary>The days a book keeps (either end open), and what becomes of articles without a date when a range is given.</summary>
public sealed record DateRange(DateOnly? Since, DateOnly? Until, bool DropUndated = false)
{
    /// <summary>No range: every article is kept.</summary>
    public static readonly DateRange All = new(null, null);

    /// <summary>Whether a range is given at all.</summary>
    public bool IsBounded => Since is not null || Until is not null;

    /// <summary>The narrower of this range and a chapter's own.</summary>
    public DateRange Within(DateOnly? since, DateOnly? until) => this with
    {
        Since = Since is null ? since : since is null ? Since : Since > since ? Since : since,
        Until = Until is null ? until : until is null ? Until : Until < until ? Until : until,
    };
}
