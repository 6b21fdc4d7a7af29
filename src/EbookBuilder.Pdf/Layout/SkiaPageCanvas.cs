using EbookBuilder.Pdf.Typesetting;
using SkiaSharp;

namespace EbookBuilder.Pdf.Layout;

/// <summary>
/// Draws onto a page of Skia's PDF backend: positioned text runs carry the text and clusters
/// (/ActualText). Fonts, paints and the blob builder are made once per page, not once per run.
/// </summary>
internal sealed class SkiaPageCanvas(SKCanvas canvas) : IPageCanvas, IDisposable
{
    private readonly Dictionary<(int, float), SKFont> _fonts = [];
    private readonly Dictionary<SKColor, SKPaint> _paints = [];
    private readonly SKTextBlobBuilder _builder = new();

    public void DrawText(FontSet.Face face, float size, SKColor color, ReadOnlySpan<ushort> glyphs, ReadOnlySpan<SKPoint> positions, ReadOnlySpan<byte> utf8, ReadOnlySpan<uint> clusters)
    {
        if (!_fonts.TryGetValue((face.Id, size), out var font))
        {
            font = new SKFont(face.Typeface, size) { Subpixel = true, Hinting = SKFontHinting.None, Edging = SKFontEdging.Antialias };
            _fonts[(face.Id, size)] = font;
        }
        var run = _builder.AllocatePositionedTextRun(font, glyphs.Length, utf8.Length, null);
        run.SetGlyphs(glyphs);
        run.SetPositions(positions);
        run.SetText(utf8);
        run.SetClusters(clusters);
        using var blob = _builder.Build(); // and the builder starts afresh
        if (blob is null) return;
        if (!_paints.TryGetValue(color, out var paint)) _paints[color] = paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(blob, 0, 0, paint);
    }

    public void DrawImage(SKImage image, SKRect rect) =>
        canvas.DrawImage(image, rect, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));

    public void DrawLine(SKPoint from, SKPoint to, SKColor color, float width)
    {
        using var paint = new SKPaint { Color = color, StrokeWidth = width, IsAntialias = true, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(from, to, paint);
    }

    public void LinkUrl(SKRect rect, string url) => canvas.DrawUrlAnnotation(rect, url)?.Dispose();

    public void LinkTo(SKRect rect, string destination) => canvas.DrawLinkDestinationAnnotation(rect, destination)?.Dispose();

    public void Destination(string name, SKPoint at) => canvas.DrawNamedDestinationAnnotation(at, name)?.Dispose();

    public void Dispose()
    {
        foreach (var font in _fonts.Values) font.Dispose();
        foreach (var paint in _paints.Values) paint.Dispose();
        _fonts.Clear();
        _paints.Clear();
        _builder.Dispose();
    }
}
