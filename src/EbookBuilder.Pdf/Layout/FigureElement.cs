using EbookBuilder.Pdf.Typesetting;
using SkiaSharp;

namespace EbookBuilder.Pdf.Layout;

/// <summary>
/// An image scaled to the column (at most a part of the page height, never beyond its pixels at
/// the theme's dpi) with its caption under it; the two never part: the figure moves to the next page whole.
/// </summary>
internal sealed class FigureElement(int pixelWidth, int pixelHeight, Func<SKImage?> load, float maxImageHeight, float dpi, TextLayout? caption, float gap, string description) : Element
{
    public override string Description => description;

    public override string? TextContent => caption?.Text;

    private (float Width, float Height) ImageSize(float width)
    {
        if (pixelWidth <= 0 || pixelHeight <= 0) return (0, 0);
        var w = Math.Min(width, pixelWidth * 72f / dpi);
        var h = w * pixelHeight / pixelWidth;
        if (h > maxImageHeight)
        {
            h = maxImageHeight;
            w = h * pixelWidth / pixelHeight;
        }
        return (w, h);
    }

    private float Height(float width)
    {
        var (_, h) = ImageSize(width);
        var captionHeight = caption is null ? 0 : caption.Lines.Count * caption.LineHeight + gap / 2;
        return gap + h + captionHeight + gap;
    }

    public override Plan Measure(float width, float height)
    {
        var needed = Height(width);
        return needed <= height + 0.01f ? new Plan(PlanKind.Full, needed) : Plan.Wrap($"the figure needs {needed:0} pt, {height:0} pt are left");
    }

    public override float Draw(IPageCanvas canvas, float x, float y, float width, float height)
    {
        var (w, h) = ImageSize(width);
        var top = y + gap;
        if (h > 0)
        {
            // Decoded only now, and let go at once: memory does not grow with the book.
            using var image = load();
            if (image is not null) canvas.DrawImage(image, SKRect.Create(x + (width - w) / 2, top, w, h));
        }
        top += h + gap / 2;
        if (caption is not null)
        {
            var ascent = caption.Style.Size * 0.88f + (caption.LineHeight - caption.Style.Size) / 2;
            for (var i = 0; i < caption.Lines.Count; i++) caption.DrawLine(canvas, i, x, top + i * caption.LineHeight + ascent);
        }
        return Height(width);
    }
}
