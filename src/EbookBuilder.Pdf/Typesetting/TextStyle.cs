using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Typesetting;

/// <summary>
/// Size, colour, line height, first-line indent (pt) and alignment of a text block; whether its
/// lines are balanced (titles, headings and contents entries: a title of two lines is set as two
/// lines of about the same length, not a full line and a word or a character left over).
/// </summary>
internal sealed record TextStyle(float Size, Color Color, float LineHeight, float FirstIndent, TextAlign Align, bool Bold = false, Color? LinkColor = null,
    bool Balance = false)
{
    public float Leading => Size * LineHeight;
}
