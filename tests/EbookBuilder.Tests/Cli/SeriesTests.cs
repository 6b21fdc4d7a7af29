using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Cli;

/// <summary>
/// A weekly digest is an issue of a series: EPUB 3 collection and calibre's series meta (readers and
/// calibre group the issues; calibre showed them as loose books), the title pages and the cover.
/// </summary>
public sealed class SeriesTests
{
    private static readonly string Cat1 = TestPaths.Fixture("book", "pages", "cat1");

    [SkippableFact]
    public void Series_and_issue_are_in_the_epub_metadata_and_on_the_title_pages()
    {
        Poppler.Require();
        EpubCheck.RequireAvailable();
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Cat1, "--title", "本周要闻", "--series", "示例周刊", "--issue", "12", "--publisher", "示例出版社",
            "--description", "一周的新闻。", "-f", "all", "--name", "w12", "-o", temp.Path, "--no-images", "-q");
        Assert.True(code == 0, stderr);
        var epub = new EpubContents(temp.File("w12.epub"));
        var opf = epub.Texts["OEBPS/content.opf"];
        Assert.Contains("<meta id=\"series\" property=\"belongs-to-collection\">示例周刊</meta>", opf);
        Assert.Contains("<meta refines=\"#series\" property=\"collection-type\">series</meta>", opf);
        Assert.Contains("<meta refines=\"#series\" property=\"group-position\">12</meta>", opf);
        Assert.Contains("<meta name=\"calibre:series\" content=\"示例周刊\" />", opf);
        Assert.Contains("<meta name=\"calibre:series_index\" content=\"12\" />", opf);
        Assert.Contains("<dc:publisher>示例出版社</dc:publisher>", opf);
        Assert.Contains("<dc:description>一周的新闻。</dc:description>", opf);
        Assert.Contains("示例周刊 第 12 期", epub.Texts.Single(t => t.Key.EndsWith("title.xhtml", StringComparison.Ordinal)).Value);
        var check = EpubCheck.Check(temp.File("w12.epub"));
        Assert.True(check.Errors + check.Fatals == 0, check.ToString());
        Assert.Contains("示例周刊 第 12 期", Poppler.Run("pdftotext", "-f", "1", "-l", "1", temp.File("w12.pdf"), "-"));
    }

    [Fact]
    public void An_issue_without_a_series_is_refused_on_the_command_line_and_in_book_toml()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Cat1, "--issue", "3", "-o", temp.Path);
        Assert.Equal(1, code);
        Assert.Contains("give --series NAME too", stderr);
        temp.Write("book/pages/1.md", "# 一\n\n正文。\n");
        temp.Write("book/book.toml", "[book]\ntitle = \"书\"\nseries-index = 3\n\n[[chapter]]\nsources = [\"pages\"]\n");
        var (fromFile, _, said) = CliRun.Invoke("build", temp.File("book"), "-o", temp.File("out"));
        Assert.Equal(1, fromFile);
        Assert.Contains("series-index numbers the book in a series", said);
    }

    [Fact]
    public void A_cover_named_on_the_command_line_is_the_books_cover()
    {
        using var temp = new TempFolder();
        using (var bitmap = new SkiaSharp.SKBitmap(600, 900))
        {
            bitmap.Erase(new SkiaSharp.SKColor(200, 40, 40));
            using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(temp.File("cover.png"), data.ToArray());
        }
        var (code, _, stderr) = CliRun.Invoke("build", Cat1, "--cover", temp.File("cover.png"), "--name", "c", "-o", temp.File("out"), "--no-images", "--cache-dir", temp.File("cache"));
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("cover image", stderr);
        Assert.Contains("OEBPS/images/cover.png", new EpubContents(temp.File("out/c.epub")).Names);
    }
}
