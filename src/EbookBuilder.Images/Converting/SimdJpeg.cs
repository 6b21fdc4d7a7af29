using System.Runtime.InteropServices;
using EbookBuilder.Images.Native;
using SkiaSharp;

namespace EbookBuilder.Images.Converting;

/// <summary>
/// Decodes JPEG with libjpeg-turbo's SIMD code, where the system has the library (Debian's
/// libturbojpeg0). SkiaSharp's native build has libjpeg-turbo without SIMD: a 2400×1600 photo
/// decoded in 14 ms there and in 4.3 ms here, on the benchmark's machine. Only the scales
/// libjpeg-turbo decodes with SIMD are used (1/8, 1/4, 1/2, 1): its other k/8 scales are slower
/// than a whole decode. Anything it cannot decode cleanly (a warning counts) is left to Skia, whose
/// messages the report gives.
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
}
