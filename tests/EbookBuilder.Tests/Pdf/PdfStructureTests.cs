using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Pdf;

/// <summary>
/// The PDF is drawn in one pass (cover, chapters, then the contents once their page numbers are
/// known) and its page tree puts the contents back after the cover. Read back with qpdf and
/// pdftotext: a book long enough for a contents of several pages and a page tree of several levels.
/// </summary>
public sealed partial class PdfStructureTests
{
    private static readonly string[] Phrases =
    [
        "清晨的河边有人慢跑，", "图书馆里的灯一直亮到深夜，", "菜市场的摊主在整理新到的青菜，", "公交车准时驶出总站，",
        "社区的志愿者在门口登记，", "小学生排着队走过斑马线，", "老人们在树荫下下棋，", "修车铺的师傅递过一把扳手。",
        "雨后的街道很安静。", "面包店飘出刚出炉的香味。", "新修的步道通到山脚下。", "夜市在七点钟准时开张。",
    ];

    [GeneratedRegex(@"^(测试\S+?篇)\.+(\d+)$")]
    private static partial Regex ContentsEntry();

    /// <summary>Three chapters of forty articles, each a title and six paragraphs of our own sentences.</summary>
    private static List<string> WriteBook(TempFolder temp)
    {
        var folders = new List<string>();
        var random = new Random(7);
        for (var c = 0; c < 3; c++)
        {
            var folder = Path.Combine(temp.Path, "src", $"第{c + 1}章");
            Directory.CreateDirectory(folder);
            for (var a = 0; a < 40; a++)
            {
                var text = new StringBuilder($"# 测试{c + 1}章{a + 1:000}篇\n\n");
                for (var p = 0; p < 6; p++)
                {
                    for (var s = 0; s < 8; s++) text.Append(Phrases[random.Next(Phrases.Length)]);
                    text.Append("\n\n");
                }
                File.WriteAllText(Path.Combine(folder, $"{a + 1:000}.md"), text.ToString());
            }
            folders.Add(folder);
        }
        return folders;
    }

    [SkippableFact]
    public void Contents_follow_the_cover_and_every_number_and_bookmark_points_at_its_article()
    {
        Poppler.Require();
        using var temp = new TempFolder();
        var result = TestBuild.Run(temp, WriteBook(temp), title: "结构测试", fonts: TestBuild.BundledFonts with { SystemFallbacks = false },
            formats: EbookBuilder.Pipeline.OutputFormats.Pdf);
        var pdf = Assert.Single(result.Outputs).Path;

        // qpdf reads the whole file, the page tree included, without a warning.
        Assert.Contains("No syntax or stream encoding errors", Poppler.Run("qpdf", "--check", pdf));
        var pageCount = int.Parse(Poppler.Run("qpdf", "--show-npages", pdf).Trim());
        Assert.Equal(result.PdfPages, pageCount);
        Assert.True(pageCount > 32 * 2, $"{pageCount} pages: too few for a page tree of more than one level");

        // pdftotext shows the quarter em between Chinese and digits as a space: lines are compared without white space.
        string Page(int number) => Poppler.Run("pdftotext", "-layout", "-f", number.ToString(), "-l", number.ToString(), pdf, "-");
        List<string> Lines(int number) => Page(number).Split('\n').Select(l => string.Concat(l.Where(c => !char.IsWhiteSpace(c)))).Where(l => l.Length > 0).ToList();
        Assert.Contains("结构测试", Page(1));
        Assert.Contains("目录", Page(2));

        // Every contents entry names the page its article starts on; the contents take several pages.
        var entries = new Dictionary<string, int>();
        var contentsPages = 0;
        for (var page = 2; ; page++)
        {
            var found = Lines(page).Select(l => ContentsEntry().Match(l)).Where(m => m.Success).ToList();
            if (found.Count == 0) break;
            contentsPages++;
            foreach (var m in found) entries[m.Groups[1].Value] = int.Parse(m.Groups[2].Value);
        }
        Assert.True(contentsPages >= 2, $"the contents took {contentsPages} page(s)");
        Assert.Equal(120, entries.Count);
        var firstBodyPage = 2 + contentsPages;
        foreach (var (title, page) in entries)
        {
            Assert.True(page >= firstBodyPage, $"'{title}' is listed on page {page}, inside the front matter");
            Assert.Contains(title, Lines(page));
        }

        // Printed page numbers are the reader's page numbers, in the contents and after it.
        foreach (var page in new[] { 3, firstBodyPage + 1, pageCount - 1 })
        {
            Assert.Equal(page.ToString(), Lines(page)[^1]);
        }

        // Bookmarks: one per chapter with its articles, each opening the page the contents name.
        using var outline = JsonDocument.Parse(Poppler.Run("qpdf", "--json", "--json-key=outlines", pdf));
        var chapters = outline.RootElement.GetProperty("outlines").EnumerateArray().ToList();
        Assert.Equal(3, chapters.Count);
        var articles = chapters.SelectMany(c => c.GetProperty("kids").EnumerateArray()).ToList();
        Assert.Equal(120, articles.Count);
        Assert.All(articles, a => Assert.Equal(entries[a.GetProperty("title").GetString()!], a.GetProperty("destpageposfrom1").GetInt32()));
    }

    /// <summary>
    /// The text area is a whole number of characters wide, so a full line of Chinese needs no added
    /// space and Skia writes it as one string. Justified with space between every pair of
    /// characters, each glyph was a text move of its own (three times the content, and most of the
    /// PDF's writing time).
    /// </summary>
    [Fact]
    public void A_page_of_Chinese_is_written_a_line_at_a_time_not_a_glyph_at_a_time()
    {
        using var temp = new TempFolder();
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "src", "第一章")).FullName;
        var random = new Random(11);
        var text = new StringBuilder("# 一篇很长的文章\n\n");
        for (var p = 0; p < 30; p++)
        {
            for (var s = 0; s < 6; s++) text.Append(Phrases[random.Next(Phrases.Length)]);
            text.Append("\n\n");
        }
        File.WriteAllText(Path.Combine(folder, "001.md"), text.ToString());
        var result = TestBuild.Run(temp, [folder], title: "排版测试", fonts: TestBuild.BundledFonts with { SystemFallbacks = false },
            formats: EbookBuilder.Pipeline.OutputFormats.Pdf);

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(Assert.Single(result.Outputs).Path);
        var page = pdf.GetPage(4); // cover, contents, the article's first page, then a full page of text
        var glyphs = page.Letters.Count;
        var moves = page.Operations.Count(o => o is UglyToad.PdfPig.Graphics.Operations.TextPositioning.MoveToNextLineWithOffset);
        var lines = page.Letters.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Count();
        Assert.True(glyphs > 400, $"{glyphs} characters: not a full page");
        // A move starts each line; a line that had to be justified (a closing mark kept off the
        // next line's start) still places each glyph, and the running header and page number add a few.
        Assert.True(moves < lines + glyphs / 5, $"{moves} text moves for {glyphs} characters on {lines} lines");
    }

    /// <summary>
    /// Pages are written to Skia on a second thread while the next are laid out: stopped part-way
    /// (Ctrl+C), both threads stop, the build says so, and no PDF or temporary file is left.
    /// </summary>
    [Fact]
    public async Task Stopping_while_pages_are_written_leaves_no_file()
    {
        using var temp = new TempFolder();
        var inputs = WriteBook(temp);
        var output = Path.Combine(temp.Path, "out");
        using var stop = new CancellationTokenSource();
        var articles = 0;
        var progress = new EbookBuilder.Pipeline.SynchronousProgress<EbookBuilder.Pipeline.BuildProgress>(p =>
        {
            if (p.Stage == "pdf articles" && (articles = p.Done) == 30) stop.Cancel();
        });
        var build = Task.Run(() => EbookBuilder.Pipeline.BookCompiler.BuildAsync(new EbookBuilder.Pipeline.BuildOptions
        {
            Inputs = inputs,
            OutputDirectory = output,
            StylesDirectory = TestPaths.Styles,
            Fonts = TestBuild.BundledFonts with { SystemFallbacks = false },
            Formats = EbookBuilder.Pipeline.OutputFormats.Pdf,
        }, progress, stop.Token));

        var ended = await Task.WhenAny(build, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(ended == build, "the build did not stop");
        Assert.True(build.IsCanceled || build.Exception?.InnerException is OperationCanceledException, $"the build ended {build.Status}: {build.Exception}");
        Assert.InRange(articles, 30, 119); // stopped part-way, not after the last article
        Assert.Empty(Directory.Exists(output) ? Directory.GetFiles(output) : []);
    }
}
