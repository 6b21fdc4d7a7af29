namespace EbookBuilder.Pdf.Imposition;

/// <summary>How the book's pages are put on sheets: folded booklets, or side by side for a screen.</summary>
public enum ImpositionKind
{
    /// <summary>One page to a sheet side (the book itself).</summary>
    None,
    /// <summary>Saddle stitch: two pages to a side, printed on both sides, folded (and, in signatures, gathered).</summary>
    Booklet,
    /// <summary>The book's spreads, two pages side by side, for reading on a screen.</summary>
    TwoUp,
}

/// <summary>One side of a sheet: the page on its left half and on its right (1-based; 0 is a blank half).</summary>
public readonly record struct SheetSide(int Left, int Right);

/// <summary>
/// The order of pages on sheets, with no drawing in it. A booklet's pages are padded with blanks to
/// a multiple of four at the end of the book, where a book has its free endpapers (the last page
/// printed is then the back of the booklet, blank unless the book filled it). Each signature of
/// <c>N</c> sheets is a booklet of its own 4·N pages, nested, folded and gathered in order; the last
/// signature takes what is left. A book bound on the right (vertical) has each side mirrored.
/// </summary>
public static class SheetPlan
{
    /// <summary>The pages a booklet of <paramref name="pages"/> pages prints: a multiple of four.</summary>
    public static int Padded(int pages) => (Math.Max(pages, 1) + 3) / 4 * 4;

    /// <summary>
    /// The sides of a saddle-stitched booklet, sheet by sheet, front then back: for 8 pages,
    /// (8, 1), (2, 7), (6, 3), (4, 5). <paramref name="signatureSheets"/> is the sheets folded
    /// together (0: all of them, one signature).
    /// </summary>
    public static IReadOnlyList<SheetSide> Booklet(int pages, int signatureSheets = 0, bool boundRight = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(signatureSheets);
        var padded = Padded(pages);
        var perSignature = signatureSheets == 0 ? padded : Math.Min(padded, signatureSheets * 4);
        var sides = new List<SheetSide>(padded / 2);
        for (var first = 1; first <= padded; first += perSignature)
        {
            var last = Math.Min(padded, first + perSignature - 1);
            for (var sheet = 0; sheet < (last - first + 1) / 4; sheet++)
            {
                int Page(int p) => p <= pages ? p : 0;
                var (outerLast, outerFirst) = (last - 2 * sheet, first + 2 * sheet);
                sides.Add(Side(Page(outerLast), Page(outerFirst), boundRight));
                sides.Add(Side(Page(outerFirst + 1), Page(outerLast - 1), boundRight));
            }
        }
        return sides;
    }

    /// <summary>
    /// The book's spreads as a reader sees them open: the first page alone on the right (a recto),
    /// then 2–3, 4–5…; mirrored for a book bound on the right.
    /// </summary>
    public static IReadOnlyList<SheetSide> TwoUp(int pages, bool boundRight = false)
    {
        var sides = new List<SheetSide>(pages / 2 + 1);
        for (var left = 0; left <= pages; left += 2)
            sides.Add(Side(left, left + 1 <= pages ? left + 1 : 0, boundRight));
        return sides;
    }

    /// <summary>The sides of <paramref name="kind"/> for <paramref name="pages"/> pages.</summary>
    public static IReadOnlyList<SheetSide> For(ImpositionKind kind, int pages, int signatureSheets, bool boundRight) => kind switch
    {
        ImpositionKind.Booklet => Booklet(pages, signatureSheets, boundRight),
        ImpositionKind.TwoUp => TwoUp(pages, boundRight),
        _ => Enumerable.Range(1, pages).Select(p => new SheetSide(p, 0)).ToList(),
    };

    /// <summary>A side as printed: left and right as given, swapped for a book bound on the right.</summary>
    private static SheetSide Side(int left, int right, bool boundRight) => boundRight ? new SheetSide(right, left) : new SheetSide(left, right);
}
