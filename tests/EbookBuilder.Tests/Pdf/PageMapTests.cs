using System.Text;
using EbookBuilder.Fonts;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Document;
using EbookBuilder.Pdf;
using EbookBuilder.Tests.Support;
using Text = EbookBuilder.Model.Document.Text;

namespace EbookBuilder.Tests.Pdf;

/// <summary>
/// The PDF's page map (which page each chapter, article and block begins on) is handed over as
/// soon as the body is laid out, while the document is still being finished, so the EPUB writer
/// waiting for it (its page-list) starts that much sooner.
/// </summary>
public sealed class PageMapTests
{
    [Fact]
    public void The_page_map_is_handed_over_before_the_pdf_is_finished_and_is_the_one_returned()
    {
        var articles = Enumerable.Range(1, 12).Select(i => new Article($"第{i}篇", null, null, null,
            [.. Enumerable.Range(1, 8).Select(p => (Block)new Paragraph([new Text(string.Concat(Enumerable.Repeat($"第{i}篇第{p}段的正文，写得长一些。", 12)), new SourceSpan($"pages/{i}.md", p))], new SourceSpan($"pages/{i}.md", p)))],
            SourceSpan.InFile($"pages/{i}.md"))).ToList();
        var book = new Book(new BookMetadata("页码", ["编辑部"], "zh-CN"), [new Chapter("第一章", articles, SourceSpan.InFile("pages"))]);
        var fonts = FontStage.Run(book, TestBuild.BundledFonts, EbookBuilder.Pipeline.Writers.BookWriters.AddedText(EbookBuilder.Pipeline.OutputFormats.Pdf, Labels.For("zh-CN")));
        var theme = PdfTheme.Load(Path.Combine(TestPaths.Styles, "pdf-theme.json"));
        using var output = new MemoryStream();
        var handed = new List<(PageMap Map, bool Finished)>();
        var options = new PdfOptions(theme, DateTimeOffset.UnixEpoch)
        {
            PagesKnown = map => handed.Add((map, Encoding.ASCII.GetString(output.ToArray()).Contains("%%EOF"))),
        };

        var result = PdfWriter.Write(book, ImageBag.Empty, fonts, options, output);

        var (early, finished) = Assert.Single(handed);
        Assert.False(finished, "the page map came after the PDF was finished");
        Assert.Same(result.PageMap, early);
        Assert.True(result.Pages > 10, $"{result.Pages} pages");
        Assert.Equal(Enumerable.Range(0, 12).Select(a => result.PageMap!.PageAt(0, a, 0)).Order(), Enumerable.Range(0, 12).Select(a => result.PageMap!.PageAt(0, a, 0)));
        Assert.All(result.PageMap!.Starts.Values, page => Assert.InRange(page, 1, result.Pages));
    }
}
