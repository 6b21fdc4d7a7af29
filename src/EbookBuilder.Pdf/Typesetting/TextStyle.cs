using SkiaSharp;

namespace EbookBuilder.Pdf.Typesetting;

/// <summary>How a block of text is set.</summary>
internal enum TextAlign { Justify, Left, Center, Right }

/// <summary>Size, colour, line height, first-line indent (pt) and alignment of a text block.</summary>
internal sealed record TextStyle(float Size, SKColor Color, float LineHeight, float FirstIndent, TextAlign Align, bool Bold = false, SKColor? LinkColor = null)
{
    public float Leading => Size * LineHeight;
}
