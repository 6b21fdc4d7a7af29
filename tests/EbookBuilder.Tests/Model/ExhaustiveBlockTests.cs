using EbookBuilder.Epub;
using EbookBuilder.Fonts;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Model.Text;
using EbookBuilder.Pdf;
using EbookBuilder.Tests.Support;
using Text = EbookBuilder.Model.Document.Text;

namespace EbookBuilder.Tests.Model;

/// <summary>
/// Every block and inline type of the model reaches every consumer: the plain text (dedupe,
/// promotions, search), the font stage's character walk, the EPUB and the PDF. C# cannot make a
/// switch over a record hierarchy exhaustive, so this test does: the model's types are found by
/// reflection, each must have an example here (a new type fails until it has one), and each
/// example's words must come out of every consumer with no writer falling back.
/// </summary>
public sealed class ExhaustiveBlockTests
{
    private static readonly SourceSpan At = new("pages/all.md", 1);

    private static Text T(string words) => new(words, At);

    /// <summary>An example of each inline type, holding its own words (a line break holds none).</summary>
    private static readonly Dictionary<Type, (Inline Inline, string? Words)> Inlines = new()
    {
        [typeof(Text)] = (T("文字甲"), "文字甲"),
        [typeof(Strong)] = (new Strong([T("加粗乙")], At), "加粗乙"),
        [typeof(Emphasis)] = (new Emphasis([T("强调丙")], At), "强调丙"),
        [typeof(Link)] = (new Link("https://example.org/a", [T("链接丁")], At), "链接丁"),
        [typeof(LineBreak)] = (new LineBreak(At), null),
    };

    /// <summary>An example of each block type, holding its own words (a rule holds none).</summary>
    private static readonly Dictionary<Type, (Block Block, string? Words)> Blocks = new()
    {
        [typeof(Paragraph)] = (new Paragraph([T("段落戊")], At), "段落戊"),
        [typeof(Heading)] = (new Heading(1, [T("标题己")], At), "标题己"),
        [typeof(Figure)] = (new Figure(null, [T("图注庚")], At), "图注庚"),
        [typeof(Quote)] = (new Quote([new Paragraph([T("引文辛")], At)], At), "引文辛"),
        [typeof(ListBlock)] = (new ListBlock(false, [[new Paragraph([T("列表壬")], At)]], At), "列表壬"),
        [typeof(Table)] = (new Table([new TableRow([new TableCell([T("表格癸")], true)])], At), "表格癸"),
        [typeof(Rule)] = (new Rule(At), null),
    };

    private static IEnumerable<Type> Concrete<TBase>() =>
        typeof(TBase).Assembly.GetTypes().Where(t => typeof(TBase).IsAssignableFrom(t) && !t.IsAbstract);

    [Fact]
    public void Every_block_and_inline_type_of_the_model_has_an_example_here()
    {
        Assert.Equal(Concrete<Block>().Select(t => t.Name).Order(), Blocks.Keys.Select(t => t.Name).Order());
        Assert.Equal(Concrete<Inline>().Select(t => t.Name).Order(), Inlines.Keys.Select(t => t.Name).Order());
    }

    private static Book BookOfAll()
    {
        var paragraph = new Paragraph(Inlines.Values.Select(i => i.Inline).Append(T("句末")).ToList(), At);
        var blocks = Blocks.Values.Select(b => b.Block).Prepend(paragraph).ToList();
        return new Book(new BookMetadata("全部", ["编辑部"], "zh-CN"), [new Chapter("一章", [new Article("每种块", null, null, null, blocks, At)], At)]);
    }

    private static IEnumerable<string> Words() =>
        Inlines.Values.Select(i => i.Words).Concat(Blocks.Values.Select(b => b.Words)).OfType<string>();

    [Fact]
    public void The_plain_text_and_the_font_stage_see_every_type_s_words()
    {
        var book = BookOfAll();
        var plain = PlainText.Of(book.Articles.Single().Blocks);
        var characters = BookCharacters.Collect(book, []);
        foreach (var words in Words())
        {
            Assert.Contains(words, plain);
            Assert.All(words.EnumerateRunes(), r => Assert.True(characters.Regular.Contains(r.Value) || characters.Bold.Contains(r.Value), $"{r} of '{words}' not collected"));
        }
    }

    [SkippableFact]
    public void The_EPUB_and_the_PDF_write_every_type_without_falling_back()
    {
        Poppler.Require();
        var book = BookOfAll();
        using var temp = new TempFolder();
        var diagnostics = new DiagnosticBag();
        using (var stream = File.Create(temp.File("all.epub")))
            EpubWriter.Write(book, ImageBag.Empty, FontBag.Empty, new EpubOptions(File.ReadAllText(Path.Combine(TestPaths.Styles, "epub.css")), DateTimeOffset.UnixEpoch) { Diagnostics = diagnostics }, stream);
        var fonts = FontStage.Run(book, TestBuild.BundledFonts, EbookBuilder.Pipeline.Writers.BookWriters.AddedText(EbookBuilder.Pipeline.OutputFormats.All, Labels.For(book.Metadata.Language)));
        using (var stream = new FileStream(temp.File("all.pdf"), FileMode.CreateNew, FileAccess.ReadWrite))
            PdfWriter.Write(book, ImageBag.Empty, fonts, new PdfOptions(PdfTheme.Load(Path.Combine(TestPaths.Styles, "pdf-theme.json")), DateTimeOffset.UnixEpoch) { Diagnostics = diagnostics }, stream);
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == DiagnosticCodes.WriterFallback);
        var xhtml = new EpubContents(temp.File("all.epub")).Article(0, 0);
        var pdf = Poppler.Run("pdftotext", temp.File("all.pdf"), "-").Replace("\n", "");
        foreach (var words in Words())
        {
            Assert.Contains(words, xhtml);
            Assert.Contains(words, pdf);
        }
        Assert.Contains("<hr", xhtml);
        Assert.Contains("<br", xhtml);
    }
}
