using EbookBuilder.Model.Assets;
using SkiaSharp;

namespace EbookBuilder.Pdf.Skia;

/// <summary>Images decoded for Skia.</summary>
internal static class SkiaImages
{
    /// <summary>
    /// An image for Skia, or null when it cannot be decoded. A file on disk is read by Skia itself,
    /// into its own memory (not through a managed array: 28 MB of garbage for the 600-image book),
    /// and not mapped (a file cut short under a mapping would kill the process).
    /// </summary>
    public static SKImage? Decode(ImageAsset asset)
    {
        if (asset.FilePath is not { } file) return SKImage.FromEncodedData(asset.ReadBytes());
        using var stream = new SKFileStream(file);
        if (!stream.IsValid) return null;
        using var data = SKData.Create(stream);
        return data is null ? null : SKImage.FromEncodedData(data);
    }
}
