using System.IO.Compression;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Cli;

/// <summary>--split chapter: one book per chapter from one run, each named after its chapter, with fonts subset to itself.</summary>
public sealed class SplitChapterTests
{
    private static readonly string Example = Path.Combine(TestPaths.RepoRoot, "examples", "weekly", "book.toml");

    [SkippableFact]
    public void Each_chapter_becomes_a_book_of_its_own_named_after_it_with_its_own_font_subset()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = CliRun.Invoke("build", Example, "--split", "chapter", "-f", "epub,pdf", "-o", temp.File("split"));
        Assert.True(code == 0, stderr);
        (code, _, stderr) = CliRun.Invoke("build", Example, "-f", "epub", "-o", temp.File("whole"), "-q");
        Assert.True(code == 0, stderr);
        Assert.Equal(["示例周刊-城市.epub", "示例周刊-城市.pdf", "示例周刊-文化.epub", "示例周刊-文化.pdf"],
            Directory.GetFiles(temp.File("split")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var city = new EpubContents(temp.File("split/示例周刊-城市.epub"));
        var opf = city.Texts["OEBPS/content.opf"];
        Assert.Contains("<dc:title id=\"book-title\">示例周刊 · 城市</dc:title>", opf);
        var text = string.Concat(city.Texts.Where(t => t.Key.EndsWith(".xhtml", StringComparison.Ordinal)).Select(t => t.Value));
        Assert.Contains("旧码头变身滨河公园", text);
        Assert.DoesNotContain("春茶笔记", text); // the other chapter's article
        EpubCheck.AssertValid(temp.File("split/示例周刊-城市.epub"));
        EpubCheck.AssertValid(temp.File("split/示例周刊-文化.epub"));

        // Each book's font carries its own characters, fewer than the whole book's.
        long FontBytes(string epub)
        {
            using var zip = ZipFile.OpenRead(epub);
            return zip.Entries.Where(e => e.FullName.Contains("/fonts/", StringComparison.Ordinal)).Sum(e => e.Length);
        }
        var whole = FontBytes(temp.File("whole/示例周刊.epub"));
        Assert.True(FontBytes(temp.File("split/示例周刊-城市.epub")) < whole * 9 / 10, "the 城市 book's fonts are subset to it");
        Assert.True(FontBytes(temp.File("split/示例周刊-文化.epub")) < whole * 9 / 10, "the 文化 book's fonts are subset to it");

        // Each PDF says its own pages.
        using var cityPdf = UglyToad.PdfPig.PdfDocument.Open(temp.File("split/示例周刊-城市.pdf"));
        using var culturePdf = UglyToad.PdfPig.PdfDocument.Open(temp.File("split/示例周刊-文化.pdf"));
        Assert.Contains($"示例周刊-城市.pdf ({new FileInfo(temp.File("split/示例周刊-城市.pdf")).Length:N0} bytes, {cityPdf.NumberOfPages} pages)", stdout);
        Assert.Contains($"示例周刊-文化.pdf ({new FileInfo(temp.File("split/示例周刊-文化.pdf")).Length:N0} bytes, {culturePdf.NumberOfPages} pages)", stdout);
        Assert.DoesNotContain("春茶笔记", string.Concat(cityPdf.GetPages().Select(p => p.Text)));
    }

    [Fact]
    public void Without_a_title_the_chapter_is_the_books_title_and_clashing_names_are_numbered()
    {
        var article = new Article("一", null, null, null, [], SourceSpan.InFile("a.md"));
        var book = new Book(new BookMetadata("合集", [], "zh-CN"),
            [new Chapter("国际", [article], SourceSpan.InFile("a")), new Chapter("国际", [article], SourceSpan.InFile("b")), new Chapter("评论/观点", [article], SourceSpan.InFile("c"))]);
        var names = EbookBuilder.Pipeline.Volumes.Names(book.Chapters.Select(c => c.Title).ToList(), null);
        Assert.Equal(["国际", "国际 (2)", "评论 观点"], names);
        var books = EbookBuilder.Pipeline.Volumes.ByChapter(book, null, book.Chapters.Select((c, i) => (c.Source, Book: (names[i], i + 1))).ToDictionary(c => c.Source, c => c.Book));
        Assert.Equal(["国际", "国际 (2)", "评论 观点"], books.Select(b => b.Name));
        Assert.Equal(["国际", "国际", "评论/观点"], books.Select(b => b.Book.Metadata.Title));
        Assert.All(books, b => Assert.Single(b.Book.Chapters));
    }

    [Fact]
    public void A_split_that_is_neither_chapter_nor_a_size_is_refused_with_both_forms()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Example, "--split", "chapters", "-o", temp.Path);
        Assert.Equal(1, code);
        Assert.Contains("split 'chapters' (from command line) is neither chapter nor a size", stderr);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void List_books_prints_each_book_as_json_and_writes_nothing_and_book_builds_one_of_them_as_the_whole_run_does()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = CliRun.Invoke("build", Example, "--split", "chapter", "-f", "epub,pdf", "--list-books", "-o", temp.File("out"));
        Assert.True(code == 0, stderr);
        Assert.False(Directory.Exists(temp.File("out")), "a list builds nothing");
        var books = System.Text.Json.JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(["示例周刊-城市", "示例周刊-文化"], books.Select(b => b.GetProperty("name").GetString()));
        Assert.Equal("示例周刊 · 文化", books[1].GetProperty("title").GetString());
        Assert.Equal(["文化"], books[1].GetProperty("chapters").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(2, books[1].GetProperty("articleFiles").GetInt32());
        Assert.Equal([temp.File("out/示例周刊-文化.epub"), temp.File("out/示例周刊-文化.pdf")], books[1].GetProperty("outputs").EnumerateArray().Select(o => o.GetString()));

        // One job of a matrix: the book it names, the same as the whole run makes.
        (code, _, stderr) = CliRun.Invoke("build", Example, "--split", "chapter", "-f", "epub", "--book", "示例周刊-文化", "-o", temp.File("one"), "-q");
        Assert.True(code == 0, stderr);
        (code, _, stderr) = CliRun.Invoke("build", Example, "--split", "chapter", "-f", "epub", "-o", temp.File("all"), "-q");
        Assert.True(code == 0, stderr);
        Assert.Equal(["示例周刊-文化.epub"], Directory.GetFiles(temp.File("one")).Select(Path.GetFileName));
        Assert.Equal(File.ReadAllBytes(temp.File("all/示例周刊-文化.epub")), File.ReadAllBytes(temp.File("one/示例周刊-文化.epub")));

        (code, _, stderr) = CliRun.Invoke("build", Example, "--split", "chapter", "--book", "示例周刊-文华", "-o", temp.File("none"));
        Assert.Equal(1, code);
        Assert.Contains("--book '示例周刊-文华' is none of the 2 books this build makes (did you mean 示例周刊-文化?)", stderr);
        (code, _, stderr) = CliRun.Invoke("build", Example, "--book", "示例周刊", "-o", temp.File("none"));
        Assert.Equal(1, code);
        Assert.Contains("give --split chapter too", stderr);
    }

    [Fact]
    public void What_a_site_repeats_is_found_chapter_by_chapter_as_each_book_alone_would_find_it()
    {
        // One site's articles in two folders: the four of "评论" end with the same disclaimer, the
        // thirteen of "新闻" do not. Over both (4 of 17, under a quarter) it is not the site's
        // boilerplate; in 评论's own book (4 of 4) it is.
        using var temp = new TempFolder();
        const string disclaimer = "本文仅代表作者个人观点，不代表本站立场。";
        void Article(string folder, int n, bool closing) => temp.Write($"{folder}/{n:00}.html",
            $"<html><head><title>第{n}篇</title><link rel=\"canonical\" href=\"https://news.example.org/{folder}/{n}.html\"/></head><body><article><h1>{folder}第{n}篇</h1>" +
            $"<p>这是{folder}的第{n}篇文章，正文写在这里，说的是第{n}件事情。</p>{(closing ? $"<p>{disclaimer}</p>" : "")}</article></body></html>");
        for (var n = 1; n <= 4; n++) Article("评论", n, true);
        for (var n = 1; n <= 13; n++) Article("新闻", n, false);

        var (code, _, stderr) = CliRun.Invoke("build", temp.File("评论"), temp.File("新闻"), "--split", "chapter", "-f", "epub", "-o", temp.File("all"), "-q");
        Assert.True(code == 0, stderr);
        (code, _, stderr) = CliRun.Invoke("build", temp.File("评论"), temp.File("新闻"), "--split", "chapter", "-f", "epub", "--book", "评论", "-o", temp.File("one"), "-q");
        Assert.True(code == 0, stderr);
        (code, _, stderr) = CliRun.Invoke("build", temp.File("评论"), "-f", "epub", "-o", temp.File("alone"), "-q");
        Assert.True(code == 0, stderr);

        var book = new EpubContents(temp.File("all/评论.epub"));
        Assert.DoesNotContain(disclaimer, string.Concat(book.Texts.Where(t => t.Key.EndsWith(".xhtml", StringComparison.Ordinal)).Select(t => t.Value)));
        Assert.Contains("正文写在这里", book.Article(0, 0));
        Assert.Equal(File.ReadAllBytes(temp.File("all/评论.epub")), File.ReadAllBytes(temp.File("one/评论.epub")));
        Assert.Equal(File.ReadAllBytes(temp.File("alone/评论.epub")), File.ReadAllBytes(temp.File("all/评论.epub")));
    }
}
