namespace EbookBuilder.Pdf.Layout;

/// <summary>Page size and the text area inside the margins (points; y runs down).</summary>
internal sealed record PageGeometry(float Width, float Height, float Top, float Bottom, float Inside, float Outside)
{
    public float ContentHeight => Height - Top - Bottom;

    public float ContentWidth => Width - Inside - Outside;

    /// <summary>Left edge of the text on a page: odd (recto) pages have the inside margin on the left.</summary>
    public float Left(int page) => page % 2 == 1 ? Inside : Outside;
}
