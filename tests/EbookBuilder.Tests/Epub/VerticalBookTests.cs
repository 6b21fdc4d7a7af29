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

    [Fact]
    public void A_vertical_books_pdf_is_built_horizontally_with_a_warning_that_says_so()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Example, "--vertical", "-f", "epub,pdf", "-o", temp.Path);
        Assert.True(code == 0, stderr);
        Assert.Contains("OUT005", stderr);
        Assert.Contains("the PDF is set horizontally", stderr);
        Assert.True(File.Exists(temp.File("示例周刊.pdf")));
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
