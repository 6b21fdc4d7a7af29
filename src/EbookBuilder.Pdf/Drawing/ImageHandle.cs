using EbookBuilder.Model.Assets;

namespace EbookBuilder.Pdf.Drawing;

/// <summary>
/// An image to draw: its pixel size for layout, and the asset the backend decodes only when it
/// draws the image (and lets go of at once: memory does not grow with the book).
/// </summary>
internal sealed class ImageHandle(ImageAsset asset, bool turned = false)
{
    public ImageAsset Asset => asset;

    /// <summary>The pixel size as layout sees it: turned a quarter in a vertical book's layout, so that the image stands upright on the page.</summary>
    public Size Pixels { get; } = turned ? new(asset.Height, asset.Width) : new(asset.Width, asset.Height);
}
