using System.Runtime.InteropServices;

namespace EbookBuilder.Images.Native;

/// <summary>
/// The few functions of libjpeg-turbo's TurboJPEG C API we call (libturbojpeg.so.0: Debian's
/// libturbojpeg0, 2.0 or later): open and close a decompressor or compressor, decode into memory we
/// own, encode from it.
/// </summary>
internal static partial class TurboJpeg
{
    public const string Library = "libturbojpeg.so.0";

    /// <summary>TJPF_BGRA: Skia's pixel order on little-endian machines (SKImageInfo.PlatformColorType).</summary>
    public const int PixelFormatBgra = 8;

    /// <summary>TJPF_RGBA.</summary>
    public const int PixelFormatRgba = 7;

    /// <summary>TJPF_GRAY.</summary>
    public const int PixelFormatGray = 6;

    /// <summary>TJSAMP_420: chroma halved both ways, as Skia's encoder does by default.</summary>
    public const int Subsampling420 = 2;

    /// <summary>TJSAMP_GRAY: one component.</summary>
    public const int SubsamplingGray = 3;

    /// <summary>TJFLAG_ACCURATEDCT: libjpeg's exact integer DCT (JDCT_ISLOW), Skia's, not the fast approximate one.</summary>
    public const int AccurateDct = 4096;

    /// <summary>TJFLAG_STOPONWARNING: a warning (data cut short, a corrupt segment) fails the decode.</summary>
    public const int StopOnWarning = 8192;

    [LibraryImport(Library)]
    public static partial IntPtr tjInitDecompress();

    [LibraryImport(Library)]
    public static partial IntPtr tjInitCompress();

    [LibraryImport(Library)]
    public static partial int tjDestroy(IntPtr handle);

    [LibraryImport(Library)]
    public static partial int tjDecompressHeader3(IntPtr handle, ReadOnlySpan<byte> jpeg, nuint size, out int width, out int height, out int subsampling, out int colorspace);

    [LibraryImport(Library)]
    public static partial int tjDecompress2(IntPtr handle, ReadOnlySpan<byte> jpeg, nuint size, IntPtr destination, int width, int pitch, int height, int pixelFormat, int flags);

    /// <summary>Encodes into a buffer TurboJPEG allocates when <paramref name="jpeg"/> is zero (free it with <see cref="tjFree"/>).</summary>
    [LibraryImport(Library)]
    public static partial int tjCompress2(IntPtr handle, IntPtr source, int width, int pitch, int height, int pixelFormat, ref IntPtr jpeg, ref nuint size, int subsampling, int quality, int flags);

    [LibraryImport(Library)]
    public static partial void tjFree(IntPtr buffer);
}

/// <summary>The C library's environment, which native libraries read (.NET's Environment does not write it on Unix).</summary>
internal static partial class Libc
{
    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int setenv(string name, string value, int overwrite);
}
