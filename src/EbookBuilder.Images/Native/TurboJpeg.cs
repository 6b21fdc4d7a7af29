using System.Runtime.InteropServices;

namespace EbookBuilder.Images.Native;

/// <summary>
/// The few functions of libjpeg-turbo's TurboJPEG C API we call (libturbojpeg.so.0: Debian's
/// libturbojpeg0, 2.0 or later): open and close a decompressor, decode into memory we own.
/// </summary>
internal static partial class TurboJpeg
{
    public const string Library = "libturbojpeg.so.0";

    /// <summary>TJPF_BGRA: Skia's pixel order on little-endian machines (SKImageInfo.PlatformColorType).</summary>
    public const int PixelFormatBgra = 8;

    /// <summary>TJPF_RGBA.</summary>
    public const int PixelFormatRgba = 7;

    /// <summary>TJFLAG_STOPONWARNING: a warning (data cut short, a corrupt segment) fails the decode.</summary>
    public const int StopOnWarning = 8192;

    [LibraryImport(Library)]
    public static partial IntPtr tjInitDecompress();

    [LibraryImport(Library)]
    public static partial int tjDestroy(IntPtr handle);

    [LibraryImport(Library)]
    public static partial int tjDecompressHeader3(IntPtr handle, ReadOnlySpan<byte> jpeg, nuint size, out int width, out int height, out int subsampling, out int colorspace);

    [LibraryImport(Library)]
    public static partial int tjDecompress2(IntPtr handle, ReadOnlySpan<byte> jpeg, nuint size, IntPtr destination, int width, int pitch, int height, int pixelFormat, int flags);
}
