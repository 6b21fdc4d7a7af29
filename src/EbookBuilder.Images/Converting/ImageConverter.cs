using SkiaSharp;

namespace EbookBuilder.Images.Converting;

/// <summary>
/// Prepares downloaded bytes for e-readers with SkiaSharp. The format is what the bytes say, never
/// the extension or Content-Type. JPEG, PNG and GIF already within the target size and upright
/// pass through untouched (CMYK JPEGs excepted: e-readers show them wrongly); everything else is decoded (after a pixel-count check against
/// decompression bombs), turned upright per EXIF, scaled down, optionally made gray, and encoded
/// as JPEG (photos) or PNG (transparency or few colours). Re-encoding drops all metadata.
/// </summary>
internal static class ImageConverter
{
    public static PreparedImage Prepare(byte[] data, ImageOptions options)
    {
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
            // Decode once anyway: bytes that only look like an image must not reach the book.
            using var check = Decode(codec, info);
            return new PreparedImage(data, mediaType, extension, width, height, Reencoded: false);
        }

        using var decoded = Decode(codec, ScaledInfo(codec, info, scale));
        using var upright = Orient(decoded, origin);
        var targetWidth = Math.Max(1, (int)Math.Round(width * scale));
        var targetHeight = Math.Max(1, (int)Math.Round(height * scale));
        using var sized = upright.Width == targetWidth && upright.Height == targetHeight
            ? upright.Copy()
            : upright.Resize(new SKImageInfo(targetWidth, targetHeight, upright.ColorType, upright.AlphaType),
                new SKSamplingOptions(SKCubicResampler.Mitchell));
        if (sized is null) throw new ImageRejectedException("image could not be scaled");

        var usePng = HasTransparency(sized) || HasFewColours(sized);
        using var final = options.Grayscale ? ToGray(sized) : sized.Copy();
        using var image = SKImage.FromBitmap(final);
        using var encoded = usePng
            ? image.Encode(SKEncodedImageFormat.Png, 100)
            : image.Encode(SKEncodedImageFormat.Jpeg, options.JpegQuality);
        if (encoded is null) throw new ImageRejectedException("image could not be encoded");
        return usePng
            ? new PreparedImage(encoded.ToArray(), "image/png", "png", final.Width, final.Height, Reencoded: true)
            : new PreparedImage(encoded.ToArray(), "image/jpeg", "jpg", final.Width, final.Height, Reencoded: true);
    }

    /// <summary>JPEG decodes at 1/2, 1/4 or 1/8 size for free; use the smallest that is still large enough.</summary>
    private static SKImageInfo ScaledInfo(SKCodec codec, SKImageInfo info, double scale)
    {
        var size = codec.GetScaledDimensions((float)Math.Max(scale, 0.125));
        if (size.Width < info.Width * scale || size.Height < info.Height * scale) size = new SKSizeI(info.Width, info.Height);
        return new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
    }

    private static SKBitmap Decode(SKCodec codec, SKImageInfo info)
    {
        var target = new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(target);
        var result = codec.GetPixels(target, bitmap.GetPixels());
        if (result == SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        throw new ImageRejectedException(result == SKCodecResult.IncompleteInput
            ? "truncated image data"
            : $"image data could not be decoded ({result})");
    }

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft) return source.Copy();
        var sideways = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(new SKImageInfo(sideways ? source.Height : source.Width, sideways ? source.Width : source.Height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(result);
        var (w, h) = (result.Width, result.Height);
        var matrix = origin switch
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
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }

    private static SKBitmap ToGray(SKBitmap source)
    {
        var gray = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(gray);
        canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return gray;
    }

    private static bool HasTransparency(SKBitmap bitmap)
    {
        if (bitmap.AlphaType == SKAlphaType.Opaque) return false;
        foreach (var pixel in Sample(bitmap))
        {
            if (pixel.Alpha < 255) return true;
        }
        return false;
    }

    /// <summary>Drawings, charts and screenshots have few colours and compress better (and sharper) as PNG.</summary>
    private static bool HasFewColours(SKBitmap bitmap)
    {
        var colours = new HashSet<uint>();
        foreach (var pixel in Sample(bitmap))
        {
            if (colours.Add((uint)pixel) && colours.Count > 256) return false;
        }
        return true;
    }

    private static IEnumerable<SKColor> Sample(SKBitmap bitmap)
    {
        var step = Math.Max(1, (int)Math.Sqrt((double)bitmap.Width * bitmap.Height / 40_000));
        for (var y = 0; y < bitmap.Height; y += step)
        {
            for (var x = 0; x < bitmap.Width; x += step)
            {
                yield return bitmap.GetPixel(x, y);
            }
        }
    }
}
