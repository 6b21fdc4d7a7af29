namespace EbookBuilder.Pdf.Drawing;

/// <summary>A rectangle on the page by its edges, in points from the top left.</summary>
internal readonly record struct Rect(float Left, float Top, float Right, float Bottom)
{
    /// <summary>The rectangle at (<paramref name="x"/>, <paramref name="y"/>) of the given size.</summary>
    public static Rect Create(float x, float y, float width, float height) => new(x, y, x + width, y + height);

    public float Width => Right - Left;

    public float Height => Bottom - Top;
}
