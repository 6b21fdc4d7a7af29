using System.Text;
using System.Text.Json;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Cli;

/// <summary>
/// --split size:N cuts a book between articles into volumes (Send to Kindle takes 50 MB), each a
/// whole book: its own title, contents and file, every article in exactly one, in order.
/// </summary>
public sealed class VolumeTests
{
    [Fact]
    public void A_book_split_by_size_becomes_volumes_under_the_size_with_every_article_once_in_order()
    {
        using var temp = new TempFolder();
        var random = new Random(11);
        for (var a = 1; a <= 40; a++)
        {
            var text = new StringBuilder($"# 第{a:00}篇\n\n");
            for (var p = 0; p < 30; p++)
            {
                for (var c = 0; c < 500; c++) text.Append((char)(0x4E00 + random.Next(3000)));
                text.Append("。\n\n");
            }
            temp.Write($"src/{a:00}.md", text.ToString());
        }
        var report = temp.File("r.json");
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("src"), "--title", "书", "--split", "size:1MB", "--no-fonts", "-o", temp.File("out"), "-q", "--report", report);
        Assert.True(code == 0, stderr);
        var files = Directory.GetFiles(temp.File("out"), "*.epub").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 2, string.Join(", ", files));
        var outputs = JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("outputs").EnumerateArray()
            .Select(o => o.GetProperty("path").GetString()!).ToList();
        Assert.Equal(files.Count, outputs.Count);
        var titles = new List<string>();
        for (var v = 0; v < outputs.Count; v++)
        {
            Assert.True(new FileInfo(outputs[v]).Length <= 1_000_000, $"{outputs[v]}: {new FileInfo(outputs[v]).Length} bytes");
            var epub = new EpubContents(outputs[v]);
            var mark = outputs.Count <= 3 ? " " + (outputs.Count == 2 ? "上下" : "上中下")[v] : $" ({v + 1}/{outputs.Count})";
            Assert.Contains($"<dc:title id=\"book-title\">书{mark}</dc:title>", epub.Texts["OEBPS/content.opf"]);
            titles.AddRange(System.Text.RegularExpressions.Regex.Matches(epub.Texts["OEBPS/nav.xhtml"], "第\\d\\d篇").Select(m => m.Value));
        }
        Assert.Equal(Enumerable.Range(1, 40).Select(a => $"第{a:00}篇"), titles);
    }

    [SkippableFact]
    public void Each_volume_carries_the_font_subset_of_its_own_articles()
    {
        // Sixteen articles of equal weight: the first eight in one set of characters, the last
        // eight in another.
        using var temp = new TempFolder();
        var random = new Random(5);
        long textBytes = 0;
        for (var a = 1; a <= 16; a++)
        {
            var text = new StringBuilder($"# 第{a:00}篇\n\n");
            var first = a <= 8 ? 0x4E00 : 0x4E00 + 1500;
            for (var p = 0; p < 70; p++)
            {
                for (var c = 0; c < 600; c++) text.Append((char)(first + random.Next(1500)));
                text.Append("。\n\n");
            }
            temp.Write($"src/{a:00}.md", text.ToString());
            textBytes = Math.Max(textBytes, Encoding.UTF8.GetByteCount(text.ToString()));
        }
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("src"), "--title", "书", "-f", "epub", "-o", temp.File("whole"), "-q");
        Assert.True(code == 0, stderr);
        var whole = FontBytes(temp.File("whole/书.epub"));
        // Room for eight and a half articles as the planner weighs them (text at 55%), beside what
        // every volume carries (the whole book's fonts at 65%, a cover, the package): one volume
        // per set of characters.
        var size = whole * 65 / 100 + 450_000 + (textBytes * 55 / 100 + 1_000) * 17 / 2;

        (code, _, stderr) = CliRun.Invoke("build", temp.File("src"), "--title", "书", "-f", "epub", "--split", $"size:{size / 1000}KB", "-o", temp.File("split"), "-q");

        Assert.True(code == 0, stderr);
        var volumes = Directory.GetFiles(temp.File("split"), "*.epub").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, volumes.Count);
        Assert.All(volumes, v => Assert.True(FontBytes(v) < whole * 7 / 10, $"{Path.GetFileName(v)}: {FontBytes(v):N0} font bytes against the whole book's {whole:N0}"));
        Assert.All(volumes, v => EpubCheck.AssertValid(v));
    }

    private static long FontBytes(string epub)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(epub);
        return zip.Entries.Where(e => e.FullName.Contains("/fonts/", StringComparison.Ordinal)).Sum(e => e.Length);
    }

    [Fact]
    public void A_split_the_fonts_would_fill_is_refused_not_a_volume_per_article()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", TestPaths.Fixture("book", "pages", "cat1"), "--split", "size:500KB", "-o", temp.Path, "--no-images");
        Assert.Equal(1, code);
        Assert.Contains("leaves too little for articles", stderr);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void A_split_that_is_not_a_size_is_refused()
    {
        var (code, _, stderr) = CliRun.Invoke("build", TestPaths.Fixture("book", "pages", "cat1"), "--split", "three", "-o", Path.GetTempPath());
        Assert.Equal(1, code);
        Assert.Contains("split 'three' (from command line) is neither chapter nor a size", stderr);
    }

    [Fact]
    public void An_epub_over_send_to_kindles_50_mb_is_warned_with_how_to_split_it()
    {
        var over = EbookBuilder.Pipeline.BookCompiler.MailLimit + 1;
        var outputs = new[]
        {
            new EbookBuilder.Pipeline.OutputFile("epub", "book.epub", over),
            new EbookBuilder.Pipeline.OutputFile("kepub", "book.kepub.epub", over),
            new EbookBuilder.Pipeline.OutputFile("pdf", "book.pdf", over), // printed, not mailed
            new EbookBuilder.Pipeline.OutputFile("epub", "small.epub", EbookBuilder.Pipeline.BookCompiler.MailLimit),
        };
        var diagnostics = new EbookBuilder.Model.Diagnostics.DiagnosticBag();
        EbookBuilder.Pipeline.BookCompiler.WarnOverMailLimit(outputs, split: false, diagnostics);
        Assert.Equal(2, diagnostics.Items.Count);
        Assert.All(diagnostics.Items, d => Assert.Equal("OUT004", d.Code));
        Assert.Contains("book.epub is 50.0 MB, over the 50 MB Send to Kindle takes by mail: --split size:45MB cuts the book into volumes", diagnostics.Items[0].Message);
        diagnostics = new EbookBuilder.Model.Diagnostics.DiagnosticBag();
        EbookBuilder.Pipeline.BookCompiler.WarnOverMailLimit(outputs.Take(1), split: true, diagnostics);
        Assert.Contains("though split", Assert.Single(diagnostics.Items).Message);
    }
}
