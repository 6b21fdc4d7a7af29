using SkiaSharp;

namespace EbookBuilder.Images.Converting;

/// <summary>
/// Prepares downloaded bytes for e-readers with SkiaSharp. The format is what the bytes say, never
/// the extension or Content-Type. JPEG, PNG and GIF already within the target size and upright
/// pass through untouched (CMYK JPEGs excepted: e-readers show them wrongly); everything else is decoded (after a pixel-count check against
/// decompression bombs), turned upright per EXIF, scaled down, optionally made gray, and encoded
/// as JPEG (photos) or PNG (transparency or few colours). Re-encoding drops all metadata.
/// Pixels are decoded and drawn into memory from <see cref="PixelPool"/>, kept from one image to
/// the next.
/// </summary>
internal static class ImageConverter
{
    public static PreparedImage Prepare(byte[] data, ImageOptions options, PixelPool? pool = null)
    {
        pool ??= PixelPool.None;
        if (SvgSanitizer.LooksLikeSvg(data))
            return new PreparedImage(SvgSanitizer.Sanitize(data), "image/svg+xml", "svg", 0, 0, Reencoded: true);

        using var skData = SKData.CreateCopy(data);
        using var codec = SKCodec.Create(skData) ?? throw new ImageRejectedException("not an image that can be decoded (unknown or corrupt data)");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0) throw new ImageRejectedException("image has no pixels");
        if ((long)info.Width * info.Height > options.MaxPixels)
            throw new ImageRejectedException($"{info.Width}×{info.Height} pixels is over the {options.MaxPixels:N0}-pixel limit (decompression bomb?)");

        var origin = codec.EncodedOrigin;
        var sideways = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = sideways ? (info.Height, info.Width) : (info.Width, info.Height);
        var scale = Math.Min(1.0, Math.Min((double)options.MaxWidth / width, (double)options.MaxHeight / height));
        var format = codec.EncodedFormat;

        var cmyk = format == SKEncodedImageFormat.Jpeg && JpegFacts.ComponentCount(data) == 4;
        if (scale >= 1.0 && origin == SKEncodedOrigin.TopLeft && !options.Grayscale && !cmyk
            && format is SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Gif)
        {
            var (mediaType, extension) = format switch
            {
                SKEncodedImageFormat.Jpeg => ("image/jpeg", "jpg"),
                SKEncodedImageFormat.Png => ("image/png", "png"),
                _ => ("image/gif", "gif"),
            };
            // Decode anyway, at 1/8 size where the format allows (every block is still read):
            // bytes that only look like an image must not reach the book.
            using var check = format == SKEncodedImageFormat.Jpeg && DecodeSimd(data, info, 0.125, pool) is { } small
                ? small
                : Decode(codec, ScaledInfo(codec, info, 0.125), pool);
            return new PreparedImage(data, mediaType, extension, width, height, Reencoded: false);
        }

        using var decoded = format == SKEncodedImageFormat.Jpeg && !cmyk && DecodeSimd(data, info, scale, pool) is { } simd
            ? simd
            : Decode(codec, ScaledInfo(codec, info, scale), pool);
        var targetWidth = Math.Max(1, (int)Math.Round(width * scale));
        var targetHeight = Math.Max(1, (int)Math.Round(height * scale));
        using var rendered = Render(decoded, origin, targetWidth, targetHeight, options.Grayscale, pool);

        // A JPEG is a photo; other formats are checked for transparency and for few colours (drawings, charts).
        var usePng = !options.Grayscale && format != SKEncodedImageFormat.Jpeg
            && ((info.AlphaType != SKAlphaType.Opaque && HasTransparency(decoded)) || HasFewColours(decoded));
        if (!usePng)
        {
            using var pixmap = rendered.Pixmap();
            if (SimdJpeg.TryEncode(pixmap, options.JpegQuality) is { } fast)
                return new PreparedImage(fast, "image/jpeg", "jpg", pixmap.Width, pixmap.Height, Reencoded: true);
        }
        using var final = rendered.Bitmap();
        using var encoded = new SKDynamicMemoryWStream();
        var ok = usePng
            ? final.Encode(encoded, SKEncodedImageFormat.Png, 100)
            : final.Encode(encoded, SKEncodedImageFormat.Jpeg, options.JpegQuality);
        if (!ok) throw new ImageRejectedException("image could not be encoded");
        using var bytes = encoded.DetachAsData();
        return usePng
            ? new PreparedImage(bytes.ToArray(), "image/png", "png", final.Width, final.Height, Reencoded: true)
            : new PreparedImage(bytes.ToArray(), "image/jpeg", "jpg", final.Width, final.Height, Reencoded: true);
    }

    /// <summary>
    /// JPEG decodes at k/8 of its size almost for free: ask for the smallest k/8 that is still at
    /// least the target, so the resampling after it is a small step.
    /// </summary>
    private static SKImageInfo ScaledInfo(SKCodec codec, SKImageInfo info, double scale)
    {
        var eighths = Math.Clamp(Math.Ceiling(scale * 8 - 1e-9), 1, 8) / 8;
        var size = codec.GetScaledDimensions((float)eighths);
        if (size.Width < info.Width * scale - 0.5 || size.Height < info.Height * scale - 0.5) size = new SKSizeI(info.Width, info.Height);
        return new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType, SKAlphaType.Premul);
    }

    /// <summary>A JPEG decoded by libjpeg-turbo with SIMD, or null when it is not there or cannot (Skia decodes it then).</summary>
    private static Pixels? DecodeSimd(byte[] jpeg, SKImageInfo info, double scale, PixelPool pool)
    {
        if (!SimdJpeg.Available) return null;
        var divisor = SimdJpeg.Divisor(scale);
        var size = SimdJpeg.Scaled(info.Width, info.Height, divisor);
        var target = new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType, SKAlphaType.Premul);
        var block = pool.Rent(target.BytesSize64);
        if (SimdJpeg.TryDecode(jpeg, info.Width, info.Height, divisor, target.ColorType, block.Pointer)) return new Pixels(block, target);
        block.Dispose();
        return null;
    }

    private static Pixels Decode(SKCodec codec, SKImageInfo info, PixelPool pool)
    {
        var target = new SKImageInfo(info.Width, info.Height, SKImageInfo.PlatformColorType, SKAlphaType.Premul);
        var block = pool.Rent(target.BytesSize64);
        var result = codec.GetPixels(target, block.Pointer);
        if (result == SKCodecResult.Success) return new Pixels(block, target);
        block.Dispose();
        throw new ImageRejectedException(result == SKCodecResult.IncompleteInput
            ? "truncated image data"
            : $"image data could not be decoded ({result})");
    }

    /// <summary>
    /// One draw does it all: EXIF orientation, scaling and, for e-ink, grayscale
    /// (drawing into an 8-bit gray bitmap). Transparent areas become white, as on paper.
    /// </summary>
    private static Pixels Render(Pixels source, SKEncodedOrigin origin, int width, int height, bool grayscale, PixelPool pool)
    {
        var info = grayscale
            ? new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque)
            : new SKImageInfo(width, height, SKImageInfo.PlatformColorType, SKAlphaType.Premul);
        var result = new Pixels(pool.Rent(info.BytesSize64), info);
        using var target = result.Bitmap();
        using var canvas = new SKCanvas(target);
        if (grayscale) canvas.Clear(SKColors.White);
        else canvas.Clear(SKColors.Transparent);
        var sideways = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        // Map the source into an upright box of the source's oriented size, then scale that box to the target.
        var (w, h) = sideways ? ((float)source.Info.Height, (float)source.Info.Width) : ((float)source.Info.Width, (float)source.Info.Height);
        var orient = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        canvas.SetMatrix(SKMatrix.CreateScale(width / w, height / h).PreConcat(orient));
        using var pixmap = source.Pixmap();
        using var image = SKImage.FromPixels(pixmap);
        // Bilinear is sharp and fast for steps up to 2x; larger reductions go through mipmaps against aliasing.
        var reduction = Math.Max(w / width, h / height);
        var sampling = reduction > 2 ? new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear) : new SKSamplingOptions(SKFilterMode.Linear);
        canvas.DrawImage(image, 0, 0, sampling);
        canvas.Flush();
        return result;
    }

    private static bool HasTransparency(Pixels pixels)
    {
        foreach (var pixel in Sample(pixels))
        {
            if (pixel >> 24 < 255) return true;
        }
        return false;
    }

    /// <summary>Drawings, charts and screenshots have few colours and compress better (and sharper) as PNG.</summary>
    private static bool HasFewColours(Pixels pixels)
    {
        var colours = new HashSet<uint>();
        foreach (var pixel in Sample(pixels))
        {
            if (colours.Add(pixel) && colours.Count > 256) return false;
        }
        return true;
    }

    /// <summary>
    /// About 40,000 pixels spread over the image, read where they were decoded: 32 bits each, alpha
    /// in the top byte (BGRA or RGBA; the order of the others does not matter here).
    /// </summary>
    private static List<uint> Sample(Pixels pixels)
    {
        var (width, height) = (pixels.Info.Width, pixels.Info.Height);
        var step = Math.Max(1, (int)Math.Sqrt((double)width * height / 40_000));
        using var pixmap = pixels.Pixmap();
        var all = pixmap.GetPixelSpan<uint>();
        var sample = new List<uint>();
        for (var y = 0; y < height; y += step)
        {
            for (var x = 0; x < width; x += step)
            {
                sample.Add(all[y * width + x]);
            }
        }
        return sample;
    }

    /// <summary>Pixels in pooled memory, and what they are; disposing gives the memory back.</summary>
    private sealed class Pixels(PixelBlock block, SKImageInfo info) : IDisposable
    {
        public SKImageInfo Info => info;

        public SKPixmap Pixmap() => new(info, block.Pointer, info.RowBytes);

        /// <summary>A bitmap over the pixels (not a copy): dispose it before the pixels.</summary>
        public SKBitmap Bitmap()
        {
            var bitmap = new SKBitmap();
            if (!bitmap.InstallPixels(info, block.Pointer, info.RowBytes)) throw new ImageRejectedException("image could not be drawn");
            return bitmap;
        }

        public void Dispose() => block.Dispose();
    }
}
