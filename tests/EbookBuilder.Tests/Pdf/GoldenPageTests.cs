using EbookBuilder.Tests.Support;
using SkiaSharp;

namespace EbookBuilder.Tests.Pdf;

/// <summary>
/// A few pages of the example book, rendered by poppler at low resolution, compared with the
/// committed golden images within a tolerance (fonts rasterise slightly differently across
/// versions). Set EBOOK_UPDATE_GOLDEN=1 to write new golden images after a deliberate change.
/// </summary>
public sealed class GoldenPageTests
{
    [SkippableTheory]
    [InlineData(1)] // cover
    [InlineData(2)] // contents
    [InlineData(3)] // chapter opening with a figure
    [InlineData(4)] // running header, heading, list
    public void Example_book_pages_look_as_they_did(int page)
    {
        Poppler.Require();
        using var temp = new TempFolder();
        var result = TestBuild.Run(temp, [Path.Combine(TestPaths.RepoRoot, "examples", "weekly", "pages")], title: "示例周刊",
            images: new EbookBuilder.Images.ImageOptions { CacheDirectory = temp.File("cache") }, fonts: TestBuild.BundledFonts with { SystemFallbacks = false },
            formats: EbookBuilder.Pipeline.OutputFormats.Pdf, timestamp: DateTimeOffset.FromUnixTimeSeconds(1_617_408_000));
        var prefix = temp.File("page");
        Poppler.Run("pdftoppm", "-r", "30", "-gray", "-f", page.ToString(), "-l", page.ToString(), "-png", "-singlefile", result.Outputs[0].Path, prefix);
        var rendered = File.ReadAllBytes(prefix + ".png");
        var golden = Path.Combine(TestPaths.RepoRoot, "tests", "EbookBuilder.Tests", "fixtures", "golden", $"example-page-{page}.png");
        // Written only when asked for: a golden image written because it was missing would pass
        // whatever the page looks like.
        if (Environment.GetEnvironmentVariable("EBOOK_UPDATE_GOLDEN") == "1") File.WriteAllBytes(golden, rendered);
        Assert.True(File.Exists(golden), $"no golden image {golden}: look at the page ({prefix}.png) and, if it is right, run the test with EBOOK_UPDATE_GOLDEN=1");
        using var expected = SKBitmap.Decode(golden);
        using var actual = SKBitmap.Decode(rendered);
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        long total = 0;
        var differing = 0;
        for (var y = 0; y < expected.Height; y++)
        {
            for (var x = 0; x < expected.Width; x++)
            {
                var d = Math.Abs(expected.GetPixel(x, y).Red - actual.GetPixel(x, y).Red);
                total += d;
                if (d > 64) differing++;
            }
        }
        var pixels = expected.Width * expected.Height;
        var mean = (double)total / pixels;
        Assert.True(mean < 2.0 && differing < pixels / 100, $"page {page} differs from {golden}: mean {mean:0.00}, {differing} of {pixels} pixels far off");
    }
}
