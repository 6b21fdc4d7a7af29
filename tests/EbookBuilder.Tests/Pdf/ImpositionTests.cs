using EbookBuilder.Pdf.Imposition;
using EbookBuilder.Tests.Support;
using UglyToad.PdfPig;

namespace EbookBuilder.Tests.Pdf;

/// <summary>--imposition: the PDF's pages on sheets that fold into the book, or side by side as spreads.</summary>
public sealed class ImpositionTests
{
    private static readonly string Example = Path.Combine(TestPaths.RepoRoot, "examples", "weekly", "book.toml");

    /// <summary>
    /// The pages in the order a reader meets them once the sides are printed back to back, the
    /// sheets of each signature nested and folded in the middle, and the signatures gathered: the
    /// outer sheet's front right half is the first page, its front left half the last.
    /// </summary>
    private static List<int> Folded(IReadOnlyList<SheetSide> sides, int sheetsPerSignature, bool boundRight = false)
    {
        // Read a right-bound book's sheets in the mirror: the same folding.
        var plain = boundRight ? sides.Select(s => new SheetSide(s.Right, s.Left)).ToList() : sides.ToList();
        var reading = new List<int>();
        foreach (var signature in plain.Chunk(2).Chunk(sheetsPerSignature))
        {
            var sheets = signature.Select(s => (Front: s[0], Back: s[1])).ToList();
            foreach (var (front, back) in sheets) reading.AddRange([front.Right, back.Left]);
            foreach (var (front, back) in Enumerable.Reverse(sheets)) reading.AddRange([back.Right, front.Left]);
        }
        return reading;
    }

    private static List<int> Expected(int pages) => [.. Enumerable.Range(1, pages), .. Enumerable.Repeat(0, SheetPlan.Padded(pages) - pages)];

    [Fact]
    public void A_four_page_booklet_is_one_sheet_with_the_last_page_beside_the_first()
    {
        Assert.Equal([new SheetSide(4, 1), new SheetSide(2, 3)], SheetPlan.Booklet(4));
    }

    [Fact]
    public void A_six_page_booklet_adds_its_two_blanks_at_the_end_of_the_book()
    {
        Assert.Equal([new SheetSide(0, 1), new SheetSide(2, 0), new SheetSide(6, 3), new SheetSide(4, 5)], SheetPlan.Booklet(6));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(16)]
    [InlineData(33)]
    public void Folded_sheets_read_in_page_order(int pages)
    {
        var sides = SheetPlan.Booklet(pages);
        Assert.Equal(SheetPlan.Padded(pages) / 2, sides.Count);
        Assert.Equal(Expected(pages), Folded(sides, sides.Count / 2));
    }

    [Theory]
    [InlineData(16, 2)]
    [InlineData(33, 4)]
    [InlineData(33, 1)]
    [InlineData(6, 8)]
    public void Signatures_fold_and_gather_in_page_order(int pages, int sheets)
    {
        var sides = SheetPlan.Booklet(pages, sheets);
        Assert.Equal(Expected(pages), Folded(sides, sheets));
        if (pages == 33 && sheets == 4)
            Assert.Equal(new SheetSide(16, 1), sides[0]); // each signature is a booklet of its own 16 pages
    }

    [Fact]
    public void A_book_bound_on_the_right_has_its_sheets_mirrored()
    {
        var sides = SheetPlan.Booklet(8, boundRight: true);
        Assert.Equal(new SheetSide(1, 8), sides[0]);
        Assert.Equal(Expected(8), Folded(sides, 2, boundRight: true));
    }

    [Fact]
    public void Two_up_shows_the_books_spreads_the_first_page_alone_on_the_right()
    {
        Assert.Equal([new SheetSide(0, 1), new SheetSide(2, 3), new SheetSide(4, 5)], SheetPlan.TwoUp(5));
        Assert.Equal([new SheetSide(0, 1), new SheetSide(2, 3), new SheetSide(4, 0)], SheetPlan.TwoUp(4));
        Assert.Equal([new SheetSide(1, 0), new SheetSide(3, 2)], SheetPlan.TwoUp(3, boundRight: true));
    }

    [Theory]
    [InlineData("A5", "A4")]
    [InlineData("B5", "B4")]
    [InlineData("A6", "A5")]
    [InlineData("half-letter", "Letter")]
    [InlineData("A4", "A3")]
    public void Two_pages_go_on_the_standard_sheet_twice_their_size(string page, string sheet)
    {
        var (w, h) = EbookBuilder.Pdf.PdfTheme.PageSizePoints(page);
        var found = Paper.SheetFor(w, h);
        Assert.Equal(sheet, found.Name);
        Assert.True(found.Width >= 2 * w - 5 && found.Height >= h - 5 && found.Width > found.Height);
    }

    [SkippableFact]
    public void The_booklet_of_the_example_holds_the_books_pages_as_text_in_folding_order()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = CliRun.Invoke("build", Example, "-f", "pdf", "--imposition", "booklet", "-o", temp.Path);
        Assert.True(code == 0, stderr);
        Assert.Contains("示例周刊.booklet.pdf", stdout);
        var pages = PageTexts(temp.File("示例周刊.pdf"));
        Assert.Equal(5, pages.Count);
        var plan = SheetPlan.Booklet(pages.Count);
        var book = new FileInfo(temp.File("示例周刊.pdf")).Length;
        Assert.True(new FileInfo(temp.File("示例周刊.booklet.pdf")).Length < book * 13 / 10, "the sheets are not much larger than the book: text and vectors, not pictures");
        using var booklet = PdfDocument.Open(temp.File("示例周刊.booklet.pdf"));
        Assert.Equal(plan.Count, booklet.NumberOfPages);
        for (var i = 0; i < plan.Count; i++)
        {
            var side = booklet.GetPage(i + 1);
            Assert.True(Math.Abs(side.Width - 841.9) < 1 && Math.Abs(side.Height - 595.3) < 1, $"side {i + 1} is landscape A4: {side.Width} x {side.Height}");
            var left = Text(side.Letters.Where(l => l.BoundingBox.Centroid.X < side.Width / 2));
            var right = Text(side.Letters.Where(l => l.BoundingBox.Centroid.X >= side.Width / 2));
            Assert.Equal(plan[i].Left == 0 ? "" : pages[plan[i].Left - 1], left);
            Assert.Equal(plan[i].Right == 0 ? "" : pages[plan[i].Right - 1], right);
        }
        Poppler.Require();
        Assert.Contains("示例周刊", Poppler.Run("pdftotext", temp.File("示例周刊.booklet.pdf"), "-"));
        Assert.Contains("A4", Poppler.Run("pdfinfo", temp.File("示例周刊.booklet.pdf")));
    }

    [Fact]
    public void Two_up_writes_the_spreads_beside_the_pdf()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Example, "-f", "epub,pdf", "--imposition", "2up", "-o", temp.Path, "-q");
        Assert.True(code == 0, stderr);
        var pages = PageTexts(temp.File("示例周刊.pdf"));
        using var spreads = PdfDocument.Open(temp.File("示例周刊.2up.pdf"));
        Assert.Equal(3, spreads.NumberOfPages);
        var second = spreads.GetPage(2);
        Assert.Equal(pages[1], Text(second.Letters.Where(l => l.BoundingBox.Centroid.X < second.Width / 2)));
        Assert.Equal(pages[2], Text(second.Letters.Where(l => l.BoundingBox.Centroid.X >= second.Width / 2)));
    }

    [Theory]
    [InlineData(new[] { "-f", "epub", "--imposition", "booklet" }, "no PDF is built")]
    [InlineData(new[] { "-f", "pdf", "--imposition", "bookelt" }, "did you mean booklet?")]
    [InlineData(new[] { "-f", "pdf", "--signature", "4" }, "give --imposition booklet too")]
    [InlineData(new[] { "-f", "pdf", "--imposition", "booklet", "--signature", "0" }, "from 1 to 100")]
    public void Impositions_that_cannot_be_made_say_why_before_any_work(string[] options, string message)
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke(["build", Example, "-o", temp.Path, .. options]);
        Assert.Equal(1, code);
        Assert.Contains(message, stderr);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    /// <summary>Each page's letters, without spaces, in the order drawn.</summary>
    private static List<string> PageTexts(string pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => Text(p.Letters)).ToList();
    }

    private static string Text(IEnumerable<UglyToad.PdfPig.Content.Letter> letters) => string.Concat(letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);
}
