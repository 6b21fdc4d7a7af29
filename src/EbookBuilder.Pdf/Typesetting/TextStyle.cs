using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Typesetting;

/// <summary>Size, colour, line height, first-line indent (pt) and alignment of a text block.</summary>
internal sealed record TextStyle(float Size, Color Color, float LineHeight, float FirstIndent, TextAlign Align, bool Bold = false, Color? LinkColor = null)
{
    public float Leading => Size * LineHeight;
}
