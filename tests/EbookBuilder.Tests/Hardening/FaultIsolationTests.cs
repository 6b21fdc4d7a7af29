using System.Text.Json;
using EbookBuilder.Epub;
using EbookBuilder.Fonts;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Pdf;
using EbookBuilder.Tests.Support;
using Text = EbookBuilder.Model.Document.Text;

namespace EbookBuilder.Tests.Hardening;

/// <summary>
/// One bad article never costs the book: what a writer fails on inside an article is a warning
/// with the article's file and line, that part is set as plain text (or left out), and the rest of
/// the book is written.
/// </summary>
public sealed class FaultIsolationTests
{
    /// <summary>A block type no writer knows: what a new reader could add and a writer forget.</summary>
    private sealed record UnknownBlock(SourceSpan Source) : Block(Source);

    private static Paragraph Para(string text, string file, int line) => new([new Text(text, new SourceSpan(file, line))], new SourceSpan(file, line));

    private static Book BookOf(params Article[] articles) =>
        new(new BookMetadata("隔离", ["编辑部"], "zh-CN"), [new Chapter("第一章", articles, SourceSpan.InFile("pages"))]);

    private static Book BookWithFaults() => BookOf(
        new Article("第一篇", null, null, null,
        [
            Para("第一段在坏块之前。", "pages/one.md", 3),
            new UnknownBlock(new SourceSpan("pages/one.md", 5)),
            new Table([], new SourceSpan("pages/one.md", 7)), // a table of no rows: no reader makes one, a writer must cope
            Para("第二段在坏块之后。", "pages/one.md", 9),
        ], SourceSpan.InFile("pages/one.md")),
        new Article("第二篇", null, null, null, [Para("另一篇文章的正文。", "pages/two.md", 3)], SourceSpan.InFile("pages/two.md")));

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)] // in two columns, where blocks are placed before they are drawn
    public void A_block_the_PDF_writer_fails_on_is_a_warning_at_its_line_and_the_rest_of_the_book_is_typeset(int columns)
    {
        Poppler.Require();
        var book = BookWithFaults();
        var fonts = FontStage.Run(book, TestBuild.BundledFonts, EbookBuilder.Pipeline.Writers.BookWriters.AddedText(EbookBuilder.Pipeline.OutputFormats.All, Labels.For(book.Metadata.Language)));
        var diagnostics = new DiagnosticBag();
        using var temp = new TempFolder();
        var path = temp.File("book.pdf");
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite))
        {
            var theme = PdfTheme.Load(Path.Combine(TestPaths.Styles, "pdf-theme.json"));
            PdfWriter.Write(book, ImageBag.Empty, fonts, new PdfOptions(theme, DateTimeOffset.UnixEpoch, columns > 1 ? "A4" : null) { Diagnostics = diagnostics, Columns = columns }, stream);
        }
        var text = Poppler.Run("pdftotext", path, "-").Replace("\n", "");
        Assert.Contains("第一段在坏块之前。", text);
        Assert.Contains("第二段在坏块之后。", text);
        Assert.Contains("另一篇文章的正文。", text);
        var warnings = diagnostics.Items.Where(d => d.Code == DiagnosticCodes.WriterFallback).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        Assert.Equal([5, 7], warnings.Select(w => w.Where!.Value.Line).Order());
        Assert.All(warnings, w => Assert.Equal("pages/one.md", w.Where!.Value.File));
    }

    [SkippableFact]
    public void An_article_the_EPUB_writer_fails_on_is_a_warning_with_its_file_and_its_page_holds_its_text()
    {
        var book = BookWithFaults();
        var diagnostics = new DiagnosticBag();
        using var temp = new TempFolder();
        var path = temp.File("book.epub");
        using (var stream = File.Create(path))
            EpubWriter.Write(book, ImageBag.Empty, FontBag.Empty, new EpubOptions(File.ReadAllText(Path.Combine(TestPaths.Styles, "epub.css")), DateTimeOffset.UnixEpoch) { Diagnostics = diagnostics }, stream);
        var epub = new EpubContents(path);
        Assert.Contains("第一段在坏块之前。", epub.Article(0, 0));
        Assert.Contains("第二段在坏块之后。", epub.Article(0, 0));
        Assert.Contains("另一篇文章的正文。", epub.Article(0, 1));
        var warning = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.WriterFallback);
        Assert.Equal("pages/one.md", warning.Where!.Value.File);
        EpubCheck.RequireAvailable();
        EpubCheck.AssertValid(path);
    }

    [Fact]
    public void Without_a_place_to_report_it_a_writer_failure_still_throws()
    {
        var book = BookWithFaults();
        using var stream = new MemoryStream();
        Assert.Throws<NotSupportedException>(() =>
            EpubWriter.Write(book, ImageBag.Empty, FontBag.Empty, new EpubOptions("", DateTimeOffset.UnixEpoch), stream));
    }

    /// <summary>Tables as the archives have them: cells with nothing in them, in every form.</summary>
    internal const string Tables = """
        # 表格里的空格子

        <p>表格前的正文。</p>
        <table>
        <tr><th>项目</th><th></th><th>数值</th></tr>
        <tr><td>
        </td><td>&nbsp;</td><td>空行之后</td></tr>
        <tr><td><br></td><td><br/><br/></td><td>只有换行</td></tr>
        <tr><td><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></td><td>只有图片的格子旁边</td></tr>
        <tr><td>嵌套表格：<table><tr><td>内层甲</td><td>内层乙</td></tr></table></td><td>外层</td><td>  </td><td>多出的一格</td></tr>
        <tr><td>短行</td></tr>
        </table>
        <table><tr><td>&nbsp;</td><td> </td></tr><tr><td></td><td><br></td></tr></table>
        <p>表格后的正文。</p>
        """;

    [SkippableFact]
    public void Tables_with_empty_whitespace_nbsp_break_and_image_cells_nested_tables_and_ragged_rows_build_in_both_formats()
    {
        Poppler.Require();
        using var temp = new TempFolder();
        temp.Write("pages/01-tables.html", Tables);
        temp.Write("pages/02-next.md", "# 下一篇\n\n下一篇的正文。\n");
        var report = temp.File("report.json");
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("pages"), "--title", "表格", "-o", temp.File("out"), "-f", "all", "--no-images",
            "--cache-dir", temp.File("cache"), "--report", report);
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain(DiagnosticCodes.WriterFallback, stderr); // fixed at its cause, not caught
        var cells = new[] { "表格前的正文。", "空行之后", "只有换行", "只有图片的格子旁边", "内层甲", "多出的一格", "短行", "表格后的正文。", "下一篇的正文。" };
        var text = Poppler.Run("pdftotext", temp.File("out/表格.pdf"), "-").Replace("\n", "");
        foreach (var expected in cells)
            Assert.Contains(expected, text);
        Assert.Equal(2, JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("articles").GetInt32());
        // In two columns too, where a table may go across them.
        (code, _, stderr) = CliRun.Invoke("build", temp.File("pages"), "--title", "表格", "-o", temp.File("columns"), "-f", "pdf", "--no-images",
            "--cache-dir", temp.File("cache"), "--columns", "2", "--page-size", "A4");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain(DiagnosticCodes.WriterFallback, stderr);
        text = Poppler.Run("pdftotext", temp.File("columns/表格.pdf"), "-").Replace("\n", "");
        foreach (var expected in cells)
            Assert.Contains(expected, text);
        EpubCheck.RequireAvailable();
        EpubCheck.AssertValid(temp.File("out/表格.epub"));
    }

    [SkippableTheory]
    [InlineData("1")]
    [InlineData("2")] // the title across both columns
    public void An_article_whose_title_is_a_page_of_text_builds_and_its_contents_entry_is_shortened(string columns)
    {
        // A damaged file whose first line runs on for thousands of characters: its contents entry
        // was taller than a page, and the whole PDF failed.
        Poppler.Require();
        using var temp = new TempFolder();
        temp.Write("pages/01-long.md", "# " + string.Concat(Enumerable.Repeat("很长很长的标题", 1500)) + "\n\n正文。\n");
        temp.Write("pages/02-next.md", "# 下一篇\n\n下一篇的正文。\n");
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("pages"), "--title", "长标题", "-o", temp.File("out"), "-f", "pdf", "--no-images",
            "--cache-dir", temp.File("cache"), "--columns", columns, "--page-size", "A4");
        Assert.True(code == 0, stderr);
        var text = Poppler.Run("pdftotext", temp.File("out/长标题.pdf"), "-");
        Assert.Contains("下一篇的正文。", text);
        Assert.Contains("…", text);
    }
}
