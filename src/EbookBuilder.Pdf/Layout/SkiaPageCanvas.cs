using EbookBuilder.Pdf.Typesetting;
using SkiaSharp;

namespace EbookBuilder.Pdf.Layout;

/// <summary>Draws onto a page of Skia's PDF backend: positioned text runs carry the text and clusters (/ActualText).</summary>
internal sealed class SkiaPageCanvas(SKCanvas canvas) : IPageCanvas
{
    private readonly Dictionary<(int, float), SKFont> _fonts = [];

    public void DrawText(FontSet.Face face, float size, SKColor color, ushort[] glyphs, SKPoint[] positions, string text, uint[] clusters)
    {
        if (!_fonts.TryGetValue((face.Id, size), out var font))
        {
            font = new SKFont(face.Typeface, size) { Subpixel = true, Hinting = SKFontHinting.None, Edging = SKFontEdging.Antialias };
            _fonts[(face.Id, size)] = font;
        }
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(font, glyphs.Length, utf8.Length, null);
        run.SetGlyphs(glyphs);
        run.SetPositions(positions);
        run.SetText(utf8);
        run.SetClusters(clusters);
        using var blob = builder.Build();
        if (blob is null) return;
        using var paint = new SKPaint { Color = color, IsAntialias = true };
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

    public void DisposeFonts()
    {
        foreach (var font in _fonts.Values) font.Dispose();
        _fonts.Clear();
    }
}
