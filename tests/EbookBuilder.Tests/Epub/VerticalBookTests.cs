using System.Text;
using EbookBuilder.Epub;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Epub;

/// <summary>--vertical: content pages in columns from right to left, pages turned to the left, short numbers upright.</summary>
public sealed class VerticalBookTests
{
    private static readonly string Example = Path.Combine(TestPaths.RepoRoot, "examples", "weekly", "book.toml");

    private static string Vertical(string body) => Encoding.UTF8.GetString(VerticalPages.Apply(Encoding.UTF8.GetBytes(
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>{body}</body></html>")));

    [Fact]
    public void Numbers_of_one_or_two_digits_stand_upright_and_longer_ones_lie_on_their_side()
    {
        var page = Vertical("<p>2021年4月12日，3.5公里，增长12%，第100次，H5N1，<a href=\"https://example.org/10/\">https://example.org/10/</a></p>");
        Assert.Contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" class=\"vertical\">", page);
        Assert.Contains("2021年<span class=\"tcy\">4</span>月<span class=\"tcy\">12</span>日", page);
        Assert.Contains("3.5公里", page);
        Assert.Contains("增长<span class=\"tcy\">12</span>%", page);
        Assert.Contains("第100次", page);
        Assert.Contains("H5N1", page);
        Assert.Contains(">https://example.org/10/</a>", page);
        Assert.Equal("2021年4月12日，3.5公里，增长12%，第100次，H5N1，https://example.org/10/", System.Xml.Linq.XDocument.Parse(page).Root!.Elements().Last().Value);
    }

    [SkippableFact]
    public void A_vertical_book_turns_its_pages_to_the_left_in_every_reader_format()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Example, "--vertical", "-f", "epub,kepub,azw3", "-o", temp.Path, "-q");
        Assert.True(code == 0, stderr);
        var epub = new EpubContents(temp.File("示例周刊.epub"));
        var opf = epub.Texts["OEBPS/content.opf"];
        Assert.Contains("<spine toc=\"ncx\" page-progression-direction=\"rtl\">", opf);
        Assert.Contains("<meta name=\"primary-writing-mode\" content=\"vertical-rl\" />", opf);
        Assert.Contains("class=\"vertical\"", epub.Texts["OEBPS/text/title.xhtml"]);
        Assert.All(epub.Texts.Where(t => t.Key.StartsWith("OEBPS/text/c0", StringComparison.Ordinal)), t => Assert.Contains("class=\"vertical\"", t.Value));
        Assert.DoesNotContain("vertical", epub.Texts["OEBPS/nav.xhtml"]); // the contents stay horizontal
        Assert.DoesNotContain("vertical", epub.Texts["OEBPS/text/cover.xhtml"]);
        Assert.Contains("<span class=\"tcy\">", epub.Article(0, 0));
        Assert.Contains("html.vertical", epub.Texts["OEBPS/styles/book.css"]);
        EpubCheck.AssertValid(temp.File("示例周刊.epub"));
        EpubCheck.AssertValid(temp.File("示例周刊.kepub.epub"));
        Assert.Contains("page-progression-direction=\"rtl\"", new EpubContents(temp.File("示例周刊.kepub.epub")).Texts["OEBPS/content.opf"]);

        // calibre reads the Kindle book's writing mode and page direction back.
        Calibre.Require();
        Calibre.Run("ebook-convert", temp.File("示例周刊.azw3"), temp.File("back.epub"));
        var back = new EpubContents(temp.File("back.epub")).Texts.Single(t => t.Key.EndsWith(".opf", StringComparison.Ordinal)).Value;
        Assert.Contains("page-progression-direction=\"rtl\"", back);
        Assert.Contains("content=\"vertical-rl\"", back);
    }

    [SkippableFact]
    public void A_vertical_pdf_sets_columns_from_right_to_left_upright_chinese_and_short_numbers_and_latin_on_its_side()
    {
        Poppler.Require();
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Example, "--vertical", "-f", "epub,pdf", "-o", temp.Path, "-q");
        Assert.True(code == 0, stderr);
        var pdf = temp.File("示例周刊.pdf");
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var page = document.GetPages().First(p => p.Text.Contains("本报记者", StringComparison.Ordinal)); // the article's first page, not the contents
            Assert.True(page.Width < page.Height, "the page stays upright");
            var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            var title = Find(letters, "旧码头变身滨河公园");
            // A column: one x, going down the page (PdfPig's y runs up).
            Assert.All(title, l => Assert.InRange(l.BoundingBox.Centroid.X, title[0].BoundingBox.Centroid.X - 1, title[0].BoundingBox.Centroid.X + 1));
            Assert.True(title.Zip(title.Skip(1)).All(p => p.First.BoundingBox.Centroid.Y > p.Second.BoundingBox.Centroid.Y), "the title reads down its column");
            Assert.All(title, l => Assert.Equal(UglyToad.PdfPig.Content.TextOrientation.Horizontal, l.TextOrientation)); // Chinese upright
            // The body's first column is left of the title's: columns run from right to left.
            var body = Find(letters, "荒废了二十年");
            Assert.True(body[0].BoundingBox.Centroid.X < title[0].BoundingBox.Centroid.X - 20);
            // 2021 lies on its side; the 4 of 4月 stands upright (縦中横).
            var year = Find(letters, "2021年");
            Assert.NotEqual(UglyToad.PdfPig.Content.TextOrientation.Horizontal, year[0].TextOrientation);
            var month = Find(letters, "年4月");
            Assert.Equal(UglyToad.PdfPig.Content.TextOrientation.Horizontal, month[1].TextOrientation);
        }
        // The text extracts in reading order, punctuation included.
        var text = string.Concat(Poppler.Run("pdftotext", "-raw", pdf, "-").Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("（本报记者林晓）荒废了二十年的旧码头，改建成了一座向市民开放的滨河公园。", text);
        Assert.Contains("/Direction /R2L", Poppler.Run("qpdf", "--qdf", "--object-streams=disable", pdf, "-"));
        // The contents' page numbers in Chinese numerals, upright in the column (page 3: 三).
        Assert.Contains("公交夜班线路延长到凌晨两点三", string.Concat(Poppler.Run("pdftotext", "-raw", "-f", "2", "-l", "2", pdf, "-").Where(c => !char.IsWhiteSpace(c))));
    }

    /// <summary>The letters of the first place <paramref name="text"/> is written, in order.</summary>
    private static List<UglyToad.PdfPig.Content.Letter> Find(List<UglyToad.PdfPig.Content.Letter> letters, string text)
    {
        var chars = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        for (var i = 0; i + chars.Count <= letters.Count; i++)
            if (chars.Select((c, k) => letters[i + k].Value == c).All(x => x)) return letters.GetRange(i, chars.Count);
        throw new Xunit.Sdk.XunitException($"'{text}' is not on the page");
    }

    [Fact]
    public void A_horizontal_book_has_no_vertical_markup()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Example, "-o", temp.Path, "-q");
        Assert.True(code == 0, stderr);
        var epub = new EpubContents(temp.File("示例周刊.epub"));
        Assert.DoesNotContain("page-progression-direction", epub.Texts["OEBPS/content.opf"]);
        Assert.DoesNotContain("class=\"vertical\"", epub.Article(0, 0));
        Assert.DoesNotContain("tcy", epub.Article(0, 0));
    }
}
