using EbookBuilder.Images;
using EbookBuilder.Images.Converting;
using EbookBuilder.Tests.Support;
using SkiaSharp;

namespace EbookBuilder.Tests.Images;

/// <summary>
/// JPEG decoded by libjpeg-turbo's SIMD code: the same pixels as Skia's, and Skia's messages when it
/// cannot. JPEG encoded by it: Skia's very bytes.
/// </summary>
public sealed class SimdJpegTests
{
    [Theory]
    [InlineData(1.0, 1)]
    [InlineData(0.667, 1)]
    [InlineData(0.5, 2)]
    [InlineData(0.3, 2)]
    [InlineData(0.25, 4)]
    [InlineData(0.2, 4)]
    [InlineData(0.125, 8)]
    [InlineData(0.01, 8)]
    public void The_scale_is_the_smallest_simd_one_still_large_enough(double scale, int divisor) =>
        Assert.Equal(divisor, SimdJpeg.Divisor(scale));

    [Fact]
    public void Scaled_sizes_round_up_as_libjpeg_does() =>
        Assert.Equal((new SKSizeI(1200, 800), new SKSizeI(126, 1)), (SimdJpeg.Scaled(2400, 1600, 2), SimdJpeg.Scaled(1001, 7, 8)));

    [SkippableTheory]
    [InlineData("large.jpg", 1)]
    [InlineData("large.jpg", 2)]
    [InlineData("photo.jpg", 1)]
    [InlineData("rotated.jpg", 4)]
    public void Pixels_are_those_skia_decodes(string name, int divisor)
    {
        TurboJpegLibrary.Require();
        var jpeg = File.ReadAllBytes(TestPaths.Fixture("images", name));
        using var codec = SKCodec.Create(SKData.CreateCopy(jpeg));
        var size = SimdJpeg.Scaled(codec.Info.Width, codec.Info.Height, divisor);
        Assert.Equal(size, codec.GetScaledDimensions(1f / divisor));
        var info = new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType, SKAlphaType.Premul);
        using var skia = new SKBitmap(info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, skia.GetPixels()));
        using var simd = new SKBitmap(info);
        Assert.True(SimdJpeg.TryDecode(jpeg, codec.Info.Width, codec.Info.Height, divisor, info.ColorType, simd.GetPixels()));

        var (a, b) = (skia.Pixels, simd.Pixels);
        var worst = a.Zip(b, (x, y) => Math.Max(Math.Max(Math.Abs(x.Red - y.Red), Math.Abs(x.Green - y.Green)), Math.Abs(x.Blue - y.Blue))).Max();
        Assert.True(worst <= 2, $"{name} at 1/{divisor}: a channel differs by {worst}");
        Assert.All(b, p => Assert.Equal(255, p.Alpha));
    }

    [SkippableFact]
    public void A_gray_jpeg_is_decoded_to_the_same_gray_in_colour_pixels()
    {
        TurboJpegLibrary.Require();
        using var gray = new SKBitmap(new SKImageInfo(64, 48, SKColorType.Gray8, SKAlphaType.Opaque));
        for (var y = 0; y < 48; y++)
            for (var x = 0; x < 64; x++) gray.SetPixel(x, y, new SKColor((byte)(x * 4), (byte)(x * 4), (byte)(x * 4)));
        var jpeg = gray.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
        Assert.Equal(1, JpegFacts.ComponentCount(jpeg));
        var info = new SKImageInfo(64, 48, SKImageInfo.PlatformColorType, SKAlphaType.Premul);
        using var simd = new SKBitmap(info);
        Assert.True(SimdJpeg.TryDecode(jpeg, 64, 48, 1, info.ColorType, simd.GetPixels()));
        using var skia = SKBitmap.Decode(jpeg).Copy(info.ColorType);
        Assert.All(simd.Pixels.Zip(skia.Pixels), p =>
        {
            Assert.Equal(p.First.Red, p.First.Blue);
            Assert.InRange(Math.Abs(p.First.Red - p.Second.Red), 0, 2);
        });
    }

    [SkippableFact]
    public void Data_cut_short_is_not_decoded_and_the_converter_says_it_is_truncated()
    {
        TurboJpegLibrary.Require();
        var whole = File.ReadAllBytes(TestPaths.Fixture("images", "large.jpg"));
        var cut = whole[..(whole.Length / 2)];
        using var codec = SKCodec.Create(SKData.CreateCopy(cut));
        using var bitmap = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKImageInfo.PlatformColorType, SKAlphaType.Premul));
        Assert.False(SimdJpeg.TryDecode(cut, codec.Info.Width, codec.Info.Height, 1, bitmap.ColorType, bitmap.GetPixels()));

        var e = Assert.Throws<ImageRejectedException>(() => ImageConverter.Prepare(cut, new ImageOptions { MaxWidth = 800, MaxHeight = 800 }));
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void A_photo_within_the_target_but_cut_short_is_refused_not_passed_through()
    {
        var whole = File.ReadAllBytes(TestPaths.Fixture("images", "photo.jpg"));
        var e = Assert.Throws<ImageRejectedException>(() => ImageConverter.Prepare(whole[..(whole.Length / 2)], new ImageOptions()));
        Assert.Contains("truncated", e.Message);
        Assert.Equal(whole, ImageConverter.Prepare(whole, new ImageOptions()).Bytes);
    }

    [SkippableFact]
    public void A_scaled_photo_keeps_its_colours()
    {
        TurboJpegLibrary.Require();
        var jpeg = File.ReadAllBytes(TestPaths.Fixture("images", "large.jpg"));
        var prepared = ImageConverter.Prepare(jpeg, new ImageOptions());
        using var before = SKBitmap.Decode(jpeg);
        using var after = SKBitmap.Decode(prepared.Bytes);
        Assert.Equal((1600, 1067), (after.Width, after.Height));
        // The mean colour of the whole picture, before and after: scaling moves it by little.
        static (double R, double G, double B) Mean(SKBitmap bitmap)
        {
            var pixels = bitmap.Pixels;
            return (pixels.Average(p => p.Red), pixels.Average(p => p.Green), pixels.Average(p => p.Blue));
        }
        var (m, n) = (Mean(before), Mean(after));
        Assert.InRange(Math.Abs(m.R - n.R) + Math.Abs(m.G - n.G) + Math.Abs(m.B - n.B), 0, 3);
    }

    [SkippableTheory]
    [InlineData("large.jpg", 82, false)]
    [InlineData("large.jpg", 60, false)]
    [InlineData("photo.jpg", 95, false)]
    [InlineData("photo.jpg", 82, true)]
    [InlineData("rotated.jpg", 82, true)]
    public void Encoding_gives_the_bytes_skia_writes(string name, int quality, bool gray)
    {
        TurboJpegLibrary.RequireEncoder();
        using var decoded = SKBitmap.Decode(TestPaths.Fixture("images", name));
        // An odd size (partial blocks at the edges), drawn as the converter draws.
        var info = new SKImageInfo(decoded.Width * 2 / 3 | 1, decoded.Height * 2 / 3 | 1, gray ? SKColorType.Gray8 : SKImageInfo.PlatformColorType, gray ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var image = SKImage.FromBitmap(decoded);
            canvas.DrawImage(image, new SKRect(0, 0, info.Width, info.Height), new SKSamplingOptions(SKFilterMode.Linear));
        }
        using var pixmap = bitmap.PeekPixels();
        using var skia = pixmap.Encode(SKEncodedImageFormat.Jpeg, quality);

        var ours = SimdJpeg.TryEncode(pixmap, quality);

        Assert.NotNull(ours);
        Assert.NotNull(skia);
        Assert.Equal(gray ? 1 : 3, JpegFacts.ComponentCount(ours));
        Assert.True(skia.AsSpan().SequenceEqual(ours), $"{name} at {quality}: {ours.Length} bytes against Skia's {skia.Size}");
    }

    [Fact]
    public void Pixels_it_cannot_encode_are_left_to_skia()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(16, 16, SKColorType.Rgb565, SKAlphaType.Opaque));
        using var pixmap = bitmap.PeekPixels();
        Assert.Null(SimdJpeg.TryEncode(pixmap, 82));
    }
}
