using EbookBuilder.Model.Assets;

namespace EbookBuilder.Pdf.Drawing;

/// <summary>
/// An image to draw: its pixel size for layout, and the asset the backend decodes only when it
/// draws the image (and lets go of at once: memory does not grow with the book).
/// </summary>
internal sealed class ImageHandle(ImageAsset asset)
{
    public ImageAsset Asset => asset;

    public Size Pixels { get; } = new(asset.Width, asset.Height);
}
