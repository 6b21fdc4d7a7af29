namespace EbookBuilder.Pdf.Layout;

/// <summary>Page size and the text area inside the margins (points; y runs down).</summary>
internal sealed record PageGeometry(float Width, float Height, float Top, float Bottom, float Inside, float Outside)
{
    /// <summary>Margins are kept on a grid of 1/64 point, which adding whole characters never leaves.</summary>
    private const float Grid = 64;

    public float ContentHeight => Height - Top - Bottom;

    public float ContentWidth { get; init; } = Width - Inside - Outside;

    /// <summary>How many columns the text area is set in (a digest's two); 1 for a page of one column.</summary>
    public int Columns { get; init; } = 1;

    /// <summary>The space between two columns.</summary>
    public float Gap { get; init; }

    /// <summary>The width of a column: the text area's when there is one.</summary>
    public float ColumnWidth => Columns == 1 ? ContentWidth : (ContentWidth - Gap * (Columns - 1)) / Columns;

    /// <summary>Left edge of column <paramref name="column"/> (from 0) on page <paramref name="page"/>.</summary>
    public float ColumnLeft(int page, int column) => Left(page) + column * (ColumnWidth + Gap);

    /// <summary>
    /// This text area in <paramref name="columns"/> columns, each a whole number of characters wide
    /// (as the text area is, so that a line of Chinese fills its column with no added space), the
    /// gap what is left: two characters, or three when the text area's count is odd.
    /// </summary>
    public PageGeometry InColumns(int columns, float characterSize)
    {
        if (columns <= 1) return this with { Columns = 1, Gap = 0 };
        var characters = (int)MathF.Round(ContentWidth / characterSize);
        var each = (characters - 2 * (columns - 1)) / columns;
        if (each < 8) throw new ArgumentException($"a text area {characters} characters wide has no room for {columns} columns of 8 characters or more: use a larger page or a smaller type", nameof(columns));
        return this with { Columns = columns, Gap = (characters - each * columns) * characterSize / (columns - 1) };
    }

    /// <summary>Whether the book is bound on the right (a vertical book): its odd (recto) pages are the left of a spread.</summary>
    public bool BoundRight { get; init; }

    /// <summary>Left edge of the text on a page: odd (recto) pages have the inside margin on the left (on the right when bound on the right).</summary>
    public float Left(int page) => (page % 2 == 1) != BoundRight ? Inside : Outside;

    /// <summary>
    /// A text area a whole number of body characters wide, the margins given widened equally by
    /// what is left over (less than a character). Chinese typesetting sets the line length to a
    /// multiple of the character size (clreq; JLREQ 2.4), so that a line of Chinese fills it with
    /// no space added between its characters; only lines with Latin text, digits or a kinsoku
    /// adjustment are justified. Such a line is also one positioned run in the PDF instead of a
    /// move before every glyph: the margins are on a grid that keeps each character's position
    /// exact in floating point.
    /// </summary>
    public static PageGeometry InWholeCharacters(float width, float height, float top, float bottom, float inside, float outside, float characterSize)
    {
        var available = width - inside - outside;
        var characters = MathF.Max(1, MathF.Floor(available / characterSize + 1e-3f));
        var spare = MathF.Max(0, available - characters * characterSize);
        return new PageGeometry(width, height, top, bottom, OnGrid(inside + spare / 2), OnGrid(outside + spare / 2))
        {
            ContentWidth = characters * characterSize,
        };
    }

    private static float OnGrid(float length) => MathF.Round(length * Grid) / Grid;

    /// <summary>
    /// A vertical page's layout, done as a horizontal one turned a quarter: lines as long as this
    /// page's text is high (a whole number of characters), as many as fit across its width. The
    /// turned layout's margins are its own; <see cref="TurnedToPage"/> puts its text area on the page's.
    /// </summary>
    public PageGeometry Turned(float characterSize) => InWholeCharacters(Height, Width, Outside, Inside, Top, Bottom, characterSize);

    /// <summary>
    /// The matrix (a, b, c, d, e, f: x' = a·x + c·y + e, y' = b·x + d·y + f) that puts page
    /// <paramref name="page"/> of the turned layout <paramref name="turned"/> on this page: turned a
    /// quarter clockwise, its first line at the right of this page's text area, its lines' starts at the top.
    /// </summary>
    public (float A, float B, float C, float D, float E, float F) TurnedToPage(PageGeometry turned, int page)
    {
        var right = Left(page) + ContentWidth;
        var top = Top + (ContentHeight - turned.ContentWidth) / 2;
        // (x, y) of the turned page -> (right - (y - turned.Top), top + (x - turned.Left(page)))
        return (0, 1, -1, 0, right + turned.Top, top - turned.Left(page));
    }
}
