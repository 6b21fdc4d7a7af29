namespace EbookBuilder.Pdf.Layout;

/// <summary>Page size and the text area inside the margins (points; y runs down).</summary>
internal sealed record PageGeometry(float Width, float Height, float Top, float Bottom, float Inside, float Outside)
{
    /// <summary>Margins are kept on a grid of 1/64 point, which adding whole characters never leaves.</summary>
    private const float Grid = 64;

    public float ContentHeight => Height - Top - Bottom;

    public float ContentWidth { get; init; } = Width - Inside - Outside;

    /// <summary>Left edge of the text on a page: odd (recto) pages have the inside margin on the left.</summary>
    public float Left(int page) => page % 2 == 1 ? Inside : Outside;

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
}
