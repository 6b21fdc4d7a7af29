using SkiaSharp;

namespace EbookBuilder.Pdf.Layout;

/// <summary>The book's own cover image as the first page: as large as the text area allows, centred, never stretched out of shape.</summary>
internal sealed class CoverImageElement(int pixelWidth, int pixelHeight, Func<SKImage?> load, float pageContentHeight) : Element
{
    public override string Description => "cover image";

    public override Plan Measure(float width, float height) => new(PlanKind.Full, Math.Min(height, pageContentHeight));

    public override float Draw(IPageCanvas canvas, float x, float y, float width, float height)
    {
        var scale = Math.Min(width / pixelWidth, pageContentHeight / pixelHeight);
        var (w, h) = (pixelWidth * scale, pixelHeight * scale);
        using var image = load();
        if (image is not null) canvas.DrawImage(image, SKRect.Create(x + (width - w) / 2, y + (pageContentHeight - h) / 2, w, h));
        return Math.Min(height, pageContentHeight);
    }
}
