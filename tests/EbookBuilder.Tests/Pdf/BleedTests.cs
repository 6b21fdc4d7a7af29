using EbookBuilder.Tests.Support;
using SkiaSharp;

namespace EbookBuilder.Tests.Pdf;

/// <summary>--bleed: for a print shop, each page on a larger sheet with crop marks, and the trim and bleed boxes a shop's software reads.</summary>
public sealed class BleedTests
{
    private static readonly string Example = Path.Combine(TestPaths.RepoRoot, "examples", "weekly", "book.toml");
    private const double Mm = 72 / 25.4;

    [SkippableFact]
    public void Each_page_is_set_on_a_sheet_with_crop_marks_and_its_trim_and_bleed_boxes()
    {
        Poppler.Require();
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Example, "-f", "pdf", "--bleed", "3mm", "-o", temp.File("bleed"), "-q");
        Assert.True(code == 0, stderr);
        (code, _, stderr) = CliRun.Invoke("build", Example, "-f", "pdf", "-o", temp.File("plain"), "-q");
        Assert.True(code == 0, stderr);
        var pdf = temp.File("bleed/示例周刊.pdf");
        Poppler.Run("qpdf", "--check", pdf);

        // A5 trimmed; the sheet is the slug (3 mm bleed, 5 mm marks, 1 mm) larger each way.
        var slug = 9 * Mm;
        var (trimW, trimH) = (148 * Mm, 210 * Mm);
        var boxes = Poppler.Run("pdfinfo", "-box", "-f", "1", "-l", "5", pdf);
        foreach (var page in Enumerable.Range(1, 5))
        {
            // Skia rounds the sheet to its raster grid (150 dpi): within half a point.
            var media = Box(boxes, $"Page    {page} MediaBox");
            Assert.Equal([0, 0, trimW + 2 * slug, trimH + 2 * slug], media, new Near(0.5));
            var pageTop = media[3] - slug; // the page is drawn down from the sheet's top
            Assert.Equal([slug, pageTop - trimH, slug + trimW, pageTop], Box(boxes, $"Page    {page} TrimBox"), new Near(0.01));
            Assert.Equal([slug - 3 * Mm, pageTop - trimH - 3 * Mm, slug + trimW + 3 * Mm, pageTop + 3 * Mm], Box(boxes, $"Page    {page} BleedBox"), new Near(0.01));
        }

        // The pages are the book's own, moved in by the slug: same text, in the same order (the contents still second).
        using var bled = UglyToad.PdfPig.PdfDocument.Open(pdf);
        using var plain = UglyToad.PdfPig.PdfDocument.Open(temp.File("plain/示例周刊.pdf"));
        Assert.Equal(plain.NumberOfPages, bled.NumberOfPages);
        Assert.Contains("目录", bled.GetPage(2).Text);
        for (var p = 1; p <= plain.NumberOfPages; p++)
        {
            var (a, b) = (plain.GetPage(p).Letters, bled.GetPage(p).Letters);
            Assert.Equal(string.Concat(a.Select(l => l.Value)), string.Concat(b.Select(l => l.Value)));
            Assert.All(a.Zip(b), pair => Assert.InRange(pair.Second.StartBaseLine.X - pair.First.StartBaseLine.X, slug - 0.01, slug + 0.01));
        }

        // Crop marks: ink in the slug at each corner, in line with the page's edges and outside the bleed; none elsewhere in it.
        Poppler.Run("pdftoppm", "-r", "72", "-f", "3", "-l", "3", "-png", pdf, temp.File("sheet"));
        using var sheet = SKBitmap.Decode(Directory.GetFiles(temp.Path, "sheet*.png").Single());
        bool Ink(double x, double y) => sheet.GetPixel((int)Math.Round(x), (int)Math.Round(y)).Red < 230;
        var (left, top, right, bottom) = (slug, slug, slug + trimW, slug + trimH);
        foreach (var (x, y, outX, outY) in new[] { (left, top, -1, -1), (right, top, 1, -1), (left, bottom, -1, 1), (right, bottom, 1, 1) })
        {
            Assert.True(Ink(x + outX * 6 * Mm, y) || Ink(x + outX * 6 * Mm, y - 1), $"a mark in line with the top or foot at ({x}, {y})");
            Assert.True(Ink(x, y + outY * 6 * Mm) || Ink(x - 1, y + outY * 6 * Mm), $"a mark in line with the side at ({x}, {y})");
            Assert.False(Ink(x + outX * 1.5 * Mm, y + outY * 1.5 * Mm), "nothing in the bleed at the corner");
            Assert.False(Ink(x + outX * 6 * Mm, y + outY * 6 * Mm), "nothing off the marks' lines");
        }
    }

    [Fact]
    public void A_bleed_that_is_not_a_length_or_that_comes_with_an_imposition_is_refused()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Example, "-f", "pdf", "--bleed", "3cm", "-o", temp.Path);
        Assert.Equal(1, code);
        Assert.Contains("bleed '3cm' (from command line) is not a length", stderr);
        (code, _, stderr) = CliRun.Invoke("build", Example, "-f", "pdf", "--bleed", "3mm", "--imposition", "booklet", "-o", temp.Path);
        Assert.Equal(1, code);
        Assert.Contains("give one of them", stderr);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    /// <summary>A box's four numbers from `pdfinfo -box`: "Page    1 TrimBox:     25.51    25.51   445.04   620.79".</summary>
    private static double[] Box(string pdfinfo, string label) =>
        pdfinfo.Split('\n').Single(l => l.StartsWith(label + ":", StringComparison.Ordinal))[(label.Length + 1)..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private sealed class Near(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double value) => 0;
    }
}
