using EbookBuilder.Pdf.Typesetting;
using SkiaSharp;

namespace EbookBuilder.Pdf.Layout;

/// <summary>What layout elements draw with: never Skia directly, so that layout can be tested with a recording canvas.</summary>
internal interface IPageCanvas
{
    /// <summary>Glyphs at positions, with the UTF-8 text and each glyph's byte offset into it (so the PDF's text extracts right).</summary>
    void DrawText(FontSet.Face face, float size, SKColor color, ReadOnlySpan<ushort> glyphs, ReadOnlySpan<SKPoint> positions, ReadOnlySpan<byte> utf8, ReadOnlySpan<uint> clusters);

    void DrawImage(SKImage image, SKRect rect);

    void DrawLine(SKPoint from, SKPoint to, SKColor color, float width);

    void LinkUrl(SKRect rect, string url);

    void LinkTo(SKRect rect, string destination);

    void Destination(string name, SKPoint at);
}
