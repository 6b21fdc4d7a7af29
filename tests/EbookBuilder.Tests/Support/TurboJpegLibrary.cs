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
}
