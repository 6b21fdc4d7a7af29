using System.Runtime.InteropServices;
using EbookBuilder.Pdf.Drawing;
using SkiaSharp;

namespace EbookBuilder.Pdf.Skia;

/// <summary>
/// Draws onto a page of Skia's PDF backend: positioned text runs carry the text and clusters
/// (/ActualText). Fonts, paints and the blob builder are made once per page, not once per run;
/// typefaces once per document (<see cref="SkiaTypefaces"/>: Skia embeds a font once per typeface).
/// </summary>
internal sealed class SkiaPageCanvas(SKCanvas canvas, SkiaTypefaces typefaces) : IPageCanvas, IDisposable
{
    private readonly Dictionary<(int, float), SKFont> _fonts = [];
    private readonly Dictionary<Color, SKPaint> _paints = [];
    private readonly SKTextBlobBuilder _builder = new();

    public void DrawText(in GlyphRun run)
    {
        var key = (run.Face.Id, run.FontSize);
        if (!_fonts.TryGetValue(key, out var font))
        {
            font = new SKFont(typefaces.For(run.Face), run.FontSize) { Subpixel = true, Hinting = SKFontHinting.None, Edging = SKFontEdging.Antialias };
            _fonts[key] = font;
        }
        var blobRun = _builder.AllocatePositionedTextRun(font, run.Glyphs.Length, run.Utf8.Length, null);
        blobRun.SetGlyphs(run.Glyphs);
        blobRun.SetPositions(MemoryMarshal.Cast<Point, SKPoint>(run.Positions)); // the same two floats
        blobRun.SetText(run.Utf8);
        blobRun.SetClusters(run.Clusters);
        using var blob = _builder.Build(); // and the builder starts afresh
        if (blob is null) return;
        if (!_paints.TryGetValue(run.Color, out var paint)) _paints[run.Color] = paint = new SKPaint { Color = Skia(run.Color), IsAntialias = true };
        canvas.DrawText(blob, 0, 0, paint);
    }

    public void DrawImage(ImageHandle image, Rect rect)
    {
        // Decoded only now, and let go at once: memory does not grow with the book.
        using var decoded = SkiaImages.Decode(image.Asset);
        if (decoded is not null) canvas.DrawImage(decoded, Skia(rect), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    public void DrawLine(Point from, Point to, Color color, float width)
    {
        using var paint = new SKPaint { Color = Skia(color), StrokeWidth = width, IsAntialias = true, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(Skia(from), Skia(to), paint);
    }

    public void LinkUrl(Rect rect, string url) => canvas.DrawUrlAnnotation(Skia(rect), url)?.Dispose();

    public void LinkTo(Rect rect, string destination) => canvas.DrawLinkDestinationAnnotation(Skia(rect), destination)?.Dispose();

    public void Destination(string name, Point at) => canvas.DrawNamedDestinationAnnotation(Skia(at), name)?.Dispose();

    private static SKColor Skia(Color color) => new(color.Red, color.Green, color.Blue, color.Alpha);

    private static SKRect Skia(Rect rect) => new(rect.Left, rect.Top, rect.Right, rect.Bottom);

    private static SKPoint Skia(Point point) => new(point.X, point.Y);

    public void Dispose()
    {
        foreach (var font in _fonts.Values) font.Dispose();
        foreach (var paint in _paints.Values) paint.Dispose();
        _fonts.Clear();
        _paints.Clear();
        _builder.Dispose();
    }
}
