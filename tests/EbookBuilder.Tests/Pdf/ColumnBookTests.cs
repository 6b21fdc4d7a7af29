using EbookBuilder.Pdf.Layout;
using EbookBuilder.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace EbookBuilder.Tests.Pdf;

/// <summary>
/// <c>--columns 2</c> on the example book, read back with PdfPig: the body text in two measures,
/// article titles across both columns or in one (<c>--column-titles</c>), each chapter's last page
/// balanced; one column is the book as it was; settings that cannot be made are refused before any work.
/// </summary>
public sealed class ColumnBookTests
{
    private static readonly string Example = Path.Combine(TestPaths.RepoRoot, "examples", "weekly", "book.toml");
    private const float BodySize = 10.5f; // the theme's
    private const float Mm = 72f / 25.4f;

    /// <summary>The A4 text area in two columns, as the theme's margins make it: the left and right edges of each column.</summary>
    private static readonly PageGeometry A4 = PageGeometry.InWholeCharacters(210 * Mm, 297 * Mm, 18 * Mm, 18 * Mm, 16 * Mm, 16 * Mm, BodySize).InColumns(2, BodySize);

    private static string Build(TempFolder temp, string folder, params string[] options)
    {
        var (code, _, stderr) = CliRun.Invoke(["build", Example, "-f", "pdf", "--page-size", "A4", "-o", temp.File(folder), "-q", .. options]);
        Assert.True(code == 0, stderr);
        return temp.File($"{folder}/示例周刊.pdf");
    }

    private static List<Letter> Body(Page page) => page.Letters.Where(l => Math.Abs(l.PointSize - BodySize) < 0.05 && !string.IsNullOrWhiteSpace(l.Value)).ToList();

    /// <summary>The column a letter is in (0 or 1), or -1 when it is in neither.</summary>
    private static int Column(Letter letter, int page)
    {
        for (var c = 0; c < 2; c++)
        {
            var left = A4.ColumnLeft(page, c);
            if (letter.BoundingBox.Left >= left - 0.5 && letter.BoundingBox.Right <= left + A4.ColumnWidth + 0.5) return c;
        }
        return -1;
    }

    /// <summary>Top of the page at the top, as the layout measures.</summary>
    private static double Down(Page page, Letter letter) => page.Height - letter.StartBaseLine.Y;

    [Fact]
    public void The_body_is_set_in_two_measures_titles_across_and_each_chapters_last_page_balanced()
    {
        using var temp = new TempFolder();
        using var document = PdfDocument.Open(Build(temp, "across", "--columns", "2"));
        var bodyPages = Enumerable.Range(3, document.NumberOfPages - 2).ToList(); // after the cover and the contents
        Assert.NotEmpty(bodyPages);
        foreach (var number in bodyPages)
        {
            var page = document.GetPage(number);
            var letters = Body(page);
            Assert.All(letters, l => Assert.True(Column(l, number) >= 0, $"page {number}: '{l.Value}' at x {l.BoundingBox.Left:0.0} is in no column"));
            Assert.Contains(letters, l => Column(l, number) == 0);
            Assert.Contains(letters, l => Column(l, number) == 1);
        }

        // The example's chapters each end on the page before the next one opens (its title, centred, 20 pt).
        foreach (var number in bodyPages.Where(n => n == document.NumberOfPages || document.GetPage(n + 1).Letters.Any(l => l.PointSize > 19)))
        {
            var page = document.GetPage(number);
            // The last band: the body letters under the last article title on the page (15 pt).
            var lastTitle = page.Letters.Where(l => l.PointSize is > 14 and < 19).Select(l => Down(page, l)).DefaultIfEmpty(0).Max();
            var band = Body(page).Where(l => Down(page, l) > lastTitle).ToList();
            var ends = Enumerable.Range(0, 2).Select(c => band.Where(l => Column(l, number) == c).Select(l => Down(page, l)).DefaultIfEmpty(lastTitle).Max()).ToList();
            Assert.True(Math.Abs(ends[0] - ends[1]) < 4 * BodySize * 1.75, $"page {number}: the columns end at {ends[0]:0} and {ends[1]:0} pt");
        }

        // Across: the city chapter's second title stands under all of the first article (its list's first line included).
        var city = document.GetPage(3);
        var title = city.Letters.Where(l => l.PointSize > BodySize + 1 && l.PointSize < 19).GroupBy(l => Down(city, l)).OrderBy(g => g.Key).Skip(1).First().Key;
        var firstArticleEnd = city.Letters.Where(l => l.Value == "机").Select(l => Down(city, l)).Min(); // "火车站—机场", the list's first item
        Assert.True(firstArticleEnd < title, $"the first article's list is at {firstArticleEnd:0} pt, under the title across at {title:0} pt");

        // In a column: the title is set in the flow, where the first article's text continues beside and below it.
        using var inColumn = PdfDocument.Open(Build(temp, "column", "--columns", "2", "--column-titles", "column"));
        city = inColumn.GetPage(3);
        var titleLetters = city.Letters.Where(l => l.PointSize > BodySize + 1 && l.PointSize < 19).GroupBy(l => Down(city, l)).OrderBy(g => g.Key).ToList();
        var second = titleLetters.Skip(1).First();
        Assert.All(second, l => Assert.Equal(1, Column(l, 3)));
        Assert.Contains(city.Letters, l => l.Value == "机" && Down(city, l) > second.Key);
    }

    [Fact]
    public void One_column_is_the_book_as_it_was()
    {
        using var temp = new TempFolder();
        Assert.Equal(File.ReadAllBytes(Build(temp, "plain")), File.ReadAllBytes(Build(temp, "one", "--columns", "1")));
    }

    [Fact]
    public void The_print_profile_sets_an_A4_digest_in_two_columns()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Example, "-f", "pdf", "--profile", "print-a4-2col", "-o", temp.Path, "-q");
        Assert.True(code == 0, stderr);
        using var document = PdfDocument.Open(temp.File("示例周刊.pdf"));
        var page = document.GetPage(3);
        Assert.InRange(page.Width, 210 * Mm - 0.5, 210 * Mm + 0.5); // Skia rounds the page to its 150-dpi grid
        // 9.5 pt body text, some of it right of the page's middle and some left: two columns.
        var body = page.Letters.Where(l => Math.Abs(l.PointSize - 9.5) < 0.05).ToList();
        Assert.Contains(body, l => l.BoundingBox.Right < page.Width / 2 - BodySize);
        Assert.Contains(body, l => l.BoundingBox.Left > page.Width / 2 + BodySize);
    }

    [Fact]
    public void A_table_whose_text_asks_for_more_than_a_column_is_set_across_and_a_narrow_one_in_its_column()
    {
        using var temp = new TempFolder();
        var paragraph = string.Concat(Enumerable.Repeat("栏中的正文，排在两栏之中，一行一行地往下排。", 12));
        var rows = string.Concat(Enumerable.Range(1, 4).Select(i => $"<tr><td>第{i}区</td><td>70.{i}</td><td>41.8{i}</td><td>3,262.{i}</td><td>87,25{i}</td><td>6.{i}%</td></tr>"));
        File.WriteAllText(temp.File("tables.html"), $$"""
            <html><head><title>表格</title></head><body><h1>两张表格</h1>
            <p>{{paragraph}}</p>
            <table><tr><th>地区名称</th><th>常住人口（万人）</th><th>面积（平方公里）</th><th>生产总值（亿元）</th><th>人均收入（元）</th><th>增长率</th></tr>{{rows}}</table>
            <p>{{paragraph}}</p>
            <table><tr><th>项目</th><th>数</th></tr><tr><td>甲</td><td>1</td></tr></table>
            <p>{{paragraph}}</p>
            </body></html>
            """);
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("tables.html"), "-f", "pdf", "--page-size", "A4", "--columns", "2", "--name", "t", "-o", temp.File("out"), "-q");
        Assert.True(code == 0, stderr);
        using var document = PdfDocument.Open(temp.File("out/t.pdf"));
        var cells = Enumerable.Range(1, document.NumberOfPages).Select(n => (Number: n, Letters: document.GetPage(n).Letters.Where(l => Math.Abs(l.PointSize - BodySize * 0.85) < 0.05).ToList()))
            .Where(p => p.Letters.Count > 0).ToList();
        var (number, letters) = Assert.Single(cells);
        // The wide table's header row: from the left column's edge past the right column's start.
        var header = letters.Where(l => "地名称增长率".Contains(l.Value, StringComparison.Ordinal)).ToList();
        Assert.Contains(header, l => Column(l, number) == 0);
        Assert.Contains(header, l => l.BoundingBox.Left > A4.ColumnLeft(number, 1));
        Assert.Single(header.Select(l => Math.Round(l.StartBaseLine.Y, 1)).Distinct());
        // The narrow one: in one column.
        var narrow = letters.Where(l => l.Value is "项" or "目" or "甲").ToList();
        Assert.Equal(3, narrow.Count);
        Assert.Single(narrow.Select(l => Column(l, number)).Distinct());
        Assert.DoesNotContain(narrow, l => Column(l, number) < 0);
    }

    [Theory]
    [InlineData(new[] { "--columns", "3" }, "1 or 2 columns")]
    [InlineData(new[] { "--columns", "2", "--vertical" }, "a vertical book is set in one column")]
    [InlineData(new[] { "--column-titles", "acros" }, "did you mean across?")]
    public void Columns_that_cannot_be_made_say_why_before_any_work(string[] options, string message)
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke(["build", Example, "-f", "pdf", "-o", temp.Path, .. options]);
        Assert.Equal(1, code);
        Assert.Contains(message, stderr);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void A_book_file_sets_the_columns_in_its_pdf_section()
    {
        using var temp = new TempFolder();
        var book = temp.CopyOf(Path.GetDirectoryName(Example)!, "book");
        File.AppendAllText(Path.Combine(book, "book.toml"), "\n[pdf]\ncolumns = 2\ncolumn-titles = \"column\"\npage-size = \"A4\"\n");
        var (code, _, stderr) = CliRun.Invoke("build", book, "-f", "pdf", "-o", temp.File("out"), "-q");
        Assert.True(code == 0, stderr);
        using var fromFile = PdfDocument.Open(temp.File("out/示例周刊.pdf"));
        using var fromOptions = PdfDocument.Open(Build(temp, "options", "--columns", "2", "--column-titles", "column"));
        Assert.Equal(fromOptions.NumberOfPages, fromFile.NumberOfPages);
        for (var p = 1; p <= fromFile.NumberOfPages; p++)
            Assert.Equal(fromOptions.GetPage(p).Letters.Select(l => (l.Value, Math.Round(l.StartBaseLine.X, 2), Math.Round(l.StartBaseLine.Y, 2))),
                fromFile.GetPage(p).Letters.Select(l => (l.Value, Math.Round(l.StartBaseLine.X, 2), Math.Round(l.StartBaseLine.Y, 2))));
    }
}
