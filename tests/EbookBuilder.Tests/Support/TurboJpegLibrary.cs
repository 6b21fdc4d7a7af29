using EbookBuilder.Images.Converting;

namespace EbookBuilder.Tests.Support;

/// <summary>libjpeg-turbo's TurboJPEG (Debian's libturbojpeg0), which JPEG photos are decoded with when it is there.</summary>
internal static class TurboJpegLibrary
{
    /// <summary>Skips the test when the library is missing, except on CI, where its absence is a failure.</summary>
    public static void Require()
    {
        if (SimdJpeg.Available) return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("libturbojpeg is missing on CI: .ci/run must install libturbojpeg0");
        Skip.If(true, "libturbojpeg not installed (apt-get install libturbojpeg0): the SIMD JPEG tests are skipped; Skia decodes instead");
    }

    /// <summary>
    /// Also that it encodes as Skia does (the probe <see cref="SimdJpeg.CanEncode"/> runs): a
    /// library that does not (another version) is left unused by the program, and the test skips,
    /// except on CI, whose Debian library must.
    /// </summary>
    public static void RequireEncoder()
    {
        Require();
        if (SimdJpeg.CanEncode) return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("libturbojpeg on CI does not encode as Skia does (its probe failed): photos would be encoded by Skia, three times slower");
        Skip.If(true, "this libturbojpeg does not encode as Skia does (its probe failed), so the program encodes with Skia: the TurboJPEG encoding test is skipped");
    }
}
