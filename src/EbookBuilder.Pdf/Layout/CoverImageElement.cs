using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Layout;

/// <summary>The book's own cover image as the first page: as large as the text area allows, centred, never stretched out of shape.</summary>
internal sealed class CoverImageElement(ImageHandle image, float pageContentHeight) : Element
{
    public override string Description => "cover image";

    public override Plan Measure(float width, float height) => new(PlanKind.Full, Math.Min(height, pageContentHeight));

    public override float Draw(IPageCanvas canvas, float x, float y, float width, float height)
    {
        var pixels = image.Pixels;
        var scale = Math.Min(width / pixels.Width, pageContentHeight / pixels.Height);
        var (w, h) = (pixels.Width * scale, pixels.Height * scale);
        canvas.DrawImage(image, Rect.Create(x + (width - w) / 2, y + (pageContentHeight - h) / 2, w, h));
        return Math.Min(height, pageContentHeight);
    }
}
