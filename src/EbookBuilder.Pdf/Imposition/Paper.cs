namespace EbookBuilder.Pdf.Imposition;

/// <summary>The sheet two pages are printed on, side by side.</summary>
public static class Paper
{
    private const float Mm = 72f / 25.4f;

    /// <summary>The cut sizes a home or office printer takes, in millimetres, short side first.</summary>
    private static readonly (string Name, float Short, float Long)[] Standard =
    [
        ("A5", 148, 210), ("B5", 176, 250), ("Letter", 215.9f, 279.4f), ("A4", 210, 297), ("B4", 250, 353), ("Tabloid", 279.4f, 431.8f), ("A3", 297, 420),
    ];

    /// <summary>How far a pair of pages may overhang a sheet (A5's two 148 mm pages on A4's 297 mm leave half a millimetre; a 1 mm slack absorbs rounding).</summary>
    private const float SlackMm = 1.5f;

    /// <summary>
    /// The landscape sheet for two pages of <paramref name="pageWidth"/> × <paramref name="pageHeight"/>
    /// points side by side: the smallest standard sheet they fit on (A5 pages on A4, B5 on B4, A6 on
    /// A5, half-letter on Letter), else a sheet exactly their size. Returns its size in points and name.
    /// </summary>
    public static (float Width, float Height, string Name) SheetFor(float pageWidth, float pageHeight)
    {
        var (wide, high) = (2 * pageWidth / Mm, pageHeight / Mm);
        foreach (var (name, shortSide, longSide) in Standard.OrderBy(s => s.Short * s.Long))
        {
            if (wide <= longSide + SlackMm && high <= shortSide + SlackMm) return (longSide * Mm, shortSide * Mm, name);
        }
        return (2 * pageWidth, pageHeight, $"{wide:0}x{high:0}mm");
    }
}
