using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Layout;

/// <summary>
/// A print shop's crop marks (<c>--bleed</c>): the page is printed on a larger sheet, with a margin
/// (the slug) around it; at each corner, two hairlines in the line of the page's edges, starting
/// beyond the bleed (so that a cut a little off does not show them) and running out to the sheet's edge.
/// </summary>
/// <param name="Width">The page's width (trimmed), in points.</param>
/// <param name="Height">The page's height, in points.</param>
/// <param name="Bleed">How far past the cut the page's printing may run, in points.</param>
internal sealed record CropMarks(float Width, float Height, float Bleed)
{
    private const float Mm = 72f / 25.4f;

    /// <summary>The marks' length: 5 mm, as InDesign's and LaTeX's crop package's.</summary>
    public const float Length = 5 * Mm;

    /// <summary>Black hairlines (a four-colour shop's registration colour is for its own imposition software to add).</summary>
    private static readonly Color Black = new(0, 0, 0);

    /// <summary>The sheet's margin on each side of the page: the bleed, the marks, and 1 mm to the sheet's edge.</summary>
    public float Slug => Bleed + Length + 1 * Mm;

    /// <summary>Draws the eight marks on a canvas whose origin is the page's top-left corner.</summary>
    public void Draw(IPageCanvas canvas)
    {
        foreach (var x in new[] { 0f, Width })
        {
            foreach (var y in new[] { 0f, Height })
            {
                var outX = x == 0 ? -1 : 1;
                var outY = y == 0 ? -1 : 1;
                canvas.DrawLine(new Point(x + outX * Bleed, y), new Point(x + outX * (Bleed + Length), y), Black, 0.25f);
                canvas.DrawLine(new Point(x, y + outY * Bleed), new Point(x, y + outY * (Bleed + Length)), Black, 0.25f);
            }
        }
    }
}
