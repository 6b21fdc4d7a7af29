using System.Runtime.InteropServices;
using EbookBuilder.Images.Native;
using SkiaSharp;

namespace EbookBuilder.Images.Converting;

/// <summary>
/// Decodes and encodes JPEG with libjpeg-turbo's SIMD code, where the system has the library
/// (Debian's libturbojpeg0). SkiaSharp's native build has libjpeg-turbo without SIMD: a 2400×1600
/// photo decoded in 14 ms there and in 4.3 ms here, and a 1600×1067 one encoded in 20 ms there and
/// 7.4 ms here, on the benchmark's machine. Only the scales libjpeg-turbo decodes with SIMD are used
/// (1/8, 1/4, 1/2, 1): its other k/8 scales are slower than a whole decode. Anything it cannot
/// decode cleanly (a warning counts) is left to Skia, whose messages the report gives. Encoding
/// gives Skia's own bytes (see <see cref="CanEncode"/>).
/// </summary>
internal static class SimdJpeg
{
    private static readonly Lazy<bool> Loaded = new(() =>
    {
        if (!NativeLibrary.TryLoad(TurboJpeg.Library, typeof(SimdJpeg).Assembly, null, out _)) return false;
        try
        {
            var handle = TurboJpeg.tjInitDecompress();
            if (handle == IntPtr.Zero) return false;
            TurboJpeg.tjDestroy(handle);
            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false; // a libjpeg-turbo older than 2.0
        }
    });

    /// <summary>Whether libturbojpeg is there (and may be turned off, for tests and comparisons, with EBOOK_SIMD_JPEG=0).</summary>
    public static bool Available => Environment.GetEnvironmentVariable("EBOOK_SIMD_JPEG") != "0" && Loaded.Value;

    /// <summary>The SIMD scale to decode at (1/8, 1/4, 1/2 or 1): the smallest still at least <paramref name="scale"/>.</summary>
    public static int Divisor(double scale) => scale <= 0.125 ? 8 : scale <= 0.25 ? 4 : scale <= 0.5 ? 2 : 1;

    /// <summary>The size of a <paramref name="width"/>×<paramref name="height"/> JPEG decoded at 1/<paramref name="divisor"/>.</summary>
    public static SKSizeI Scaled(int width, int height, int divisor) => new((width + divisor - 1) / divisor, (height + divisor - 1) / divisor);

    /// <summary>
    /// Decodes <paramref name="jpeg"/>, a <paramref name="width"/>×<paramref name="height"/> image,
    /// at 1/<paramref name="divisor"/> into <paramref name="pixels"/> (room for <see cref="Scaled"/>,
    /// 32 bits a pixel, alpha opaque); false when it cannot.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> jpeg, int width, int height, int divisor, SKColorType colorType, IntPtr pixels)
    {
        var format = colorType switch
        {
            SKColorType.Bgra8888 => TurboJpeg.PixelFormatBgra,
            SKColorType.Rgba8888 => TurboJpeg.PixelFormatRgba,
            _ => -1,
        };
        if (format < 0 || !Available) return false;
        var handle = TurboJpeg.tjInitDecompress();
        if (handle == IntPtr.Zero) return false;
        try
        {
            if (TurboJpeg.tjDecompressHeader3(handle, jpeg, (nuint)jpeg.Length, out var w, out var h, out _, out _) != 0 || (w, h) != (width, height)) return false;
            var size = Scaled(width, height, divisor);
            // Asked for this size, TurboJPEG decodes at the largest scale that fits in it: 1/divisor.
            return TurboJpeg.tjDecompress2(handle, jpeg, (nuint)jpeg.Length, pixels, size.Width, size.Width * 4, size.Height, format, TurboJpeg.StopOnWarning) == 0;
        }
        finally
        {
            TurboJpeg.tjDestroy(handle);
        }
    }

    /// <summary>
    /// Whether JPEG is encoded here rather than by Skia. With the exact DCT and optimised Huffman
    /// tables, TurboJPEG writes the bytes Skia's encoder writes, in a third of the time. TurboJPEG 2.x
    /// turns optimised tables on only through the C environment (TJ_OPTIMIZE=1), set here once.
    /// Checked once on a probe image: when the library does not give Skia's bytes (another version
    /// with other defaults, or the user's TJ_ARITHMETIC, TJ_PROGRESSIVE or TJ_RESTART, which change
    /// the file), Skia encodes. So a book's bytes never depend on this.
    /// </summary>
    public static bool CanEncode => Available && Encoder.Value;

    private static readonly Lazy<bool> Encoder = new(() =>
    {
        if (!Loaded.Value) return false;
        if (new[] { "TJ_ARITHMETIC", "TJ_PROGRESSIVE", "TJ_RESTART" }.Any(name => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))) return false;
        try
        {
            // The first setenv of the process copies the environment to a new array and leaves the
            // old one to any thread reading it; nothing else in the process writes the C environment.
            if (Environment.GetEnvironmentVariable("TJ_OPTIMIZE") != "1" && Libc.setenv("TJ_OPTIMIZE", "1", 1) != 0) return false;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
        return EncodesAsSkia(SKColorType.Bgra8888) && EncodesAsSkia(SKColorType.Gray8);
    });

    /// <summary>
    /// <paramref name="pixmap"/> (BGRA, RGBA or gray; alpha is ignored, as Skia's encoder ignores it)
    /// as a JPEG of <paramref name="quality"/>, chroma subsampled 4:2:0: the bytes Skia would write.
    /// Null when this cannot encode it (Skia does then).
    /// </summary>
    public static byte[]? TryEncode(SKPixmap pixmap, int quality) => CanEncode ? Encode(pixmap, quality) : null;

    private static byte[]? Encode(SKPixmap pixmap, int quality)
    {
        var (format, subsampling) = pixmap.ColorType switch
        {
            SKColorType.Bgra8888 => (TurboJpeg.PixelFormatBgra, TurboJpeg.Subsampling420),
            SKColorType.Rgba8888 => (TurboJpeg.PixelFormatRgba, TurboJpeg.Subsampling420),
            SKColorType.Gray8 => (TurboJpeg.PixelFormatGray, TurboJpeg.SubsamplingGray),
            _ => (-1, -1),
        };
        if (format < 0) return null;
        var handle = TurboJpeg.tjInitCompress();
        if (handle == IntPtr.Zero) return null;
        var (jpeg, size) = (IntPtr.Zero, (nuint)0);
        try
        {
            if (TurboJpeg.tjCompress2(handle, pixmap.GetPixels(), pixmap.Width, pixmap.RowBytes, pixmap.Height, format, ref jpeg, ref size, subsampling, quality, TurboJpeg.AccurateDct) != 0) return null;
            var bytes = new byte[checked((int)size)];
            Marshal.Copy(jpeg, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            if (jpeg != IntPtr.Zero) TurboJpeg.tjFree(jpeg);
            TurboJpeg.tjDestroy(handle);
        }
    }

    /// <summary>A small picture with edges, gradients and partial transparency, encoded both ways at two qualities.</summary>
    private static bool EncodesAsSkia(SKColorType colorType)
    {
        // Odd sizes: the last row and column of blocks are partial.
        var info = new SKImageInfo(61, 43, colorType, colorType == SKColorType.Gray8 ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(61, 43), [SKColors.Navy, SKColors.Orange, SKColors.White], SKShaderTileMode.Clamp) };
            canvas.Clear(colorType == SKColorType.Gray8 ? SKColors.White : SKColors.Transparent);
            canvas.DrawRect(0, 0, 61, 30, paint);
            using var ink = new SKPaint { Color = new SKColor(200, 30, 60, 128), IsAntialias = true };
            canvas.DrawCircle(20, 25, 14, ink);
        }
        using var pixmap = bitmap.PeekPixels();
        foreach (var quality in new[] { 82, 95 })
        {
            using var skia = pixmap.Encode(SKEncodedImageFormat.Jpeg, quality);
            if (skia is null || Encode(pixmap, quality) is not { } ours || !skia.AsSpan().SequenceEqual(ours)) return false;
        }
        return true;
    }
}
