namespace EbookBuilder.Pdf.Typesetting;

/// <summary>
/// What a line is made of: one Chinese character (with its marks), a Latin word, a space or a
/// forced break, shaped in one face; its width and the spacing set around it.
/// </summary>
internal sealed class TextUnit
{
    public required string Text;
    public required FontSet.Face Face;
    public required FontSet.Shaped Shaped;
    public float Width;
    public float Shift;
    public float GapAfter;
    /// <summary>The blank taken out between this unit and the next (two adjacent full-width marks).</summary>
    public float Squeezed;
    public bool IsSpace;
    public bool IsBreak;
    public bool Bold;
    public string? Link;
    public int First;
    public int Last;

    /// <summary>
    /// Whether two units are drawn in one positioned run (one face, one link). Spacing the PDF's
    /// readers would misread (a gap read as a space, an overlap as a new line) is safe only inside
    /// a run, where it is drawn as one cluster.
    /// </summary>
    public static bool SameRun(TextUnit a, TextUnit b) => a.Face == b.Face && a.Link == b.Link;
}
