using System.CommandLine;
using System.Text.Json;
using EbookBuilder.Cli;
using EbookBuilder.Pipeline;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Cli;

public sealed class BuildCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(args);

    private static readonly string Cat1 = TestPaths.Fixture("book", "pages", "cat1");

    [Fact]
    public void Build_writes_the_book_named_after_the_title()
    {
        using var temp = new TempFolder();
        var (code, stdout, _) = Run("build", Cat1, TestPaths.Fixture("book", "pages", "cat2"), "--title", "新闻合集", "-o", temp.Path);
        Assert.Equal(0, code);
        var path = temp.File("新闻合集.epub");
        Assert.True(File.Exists(path));
        Assert.Contains(path, stdout);
        Assert.Contains("2 chapters, 4 articles", stdout);
    }

    [Fact]
    public void Name_option_sets_the_file_name()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Run("build", Cat1, "--name", "weekly", "-o", temp.Path, "--quiet").Code);
        Assert.True(File.Exists(temp.File("weekly.epub")));
    }

    [Fact]
    public void A_missing_input_exits_1_and_says_which_and_what_to_do()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = Run("build", "/no/such/folder", "-o", temp.Path);
        Assert.Equal(1, code);
        Assert.Contains("/no/such/folder", stderr);
        Assert.Contains("does not exist", stderr);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Format_all_writes_an_epub_and_a_pdf_and_a_pdf_without_fonts_is_refused()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Run("build", Cat1, "-f", "all", "--name", "both", "-o", temp.Path, "--no-images", "--quiet").Code);
        Assert.True(File.Exists(temp.File("both.epub")));
        Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(temp.File("both.pdf"))[..5]);
        Assert.Equal(0, Run("build", Cat1, "-f", "pdf", "--name", "reported", "-o", temp.Path, "--no-images", "--quiet", "--report", temp.File("r.json")).Code);
        var pdf = JsonDocument.Parse(File.ReadAllText(temp.File("r.json"))).RootElement.GetProperty("pdf");
        Assert.True(pdf.GetProperty("pages").GetInt32() >= 3); // cover, contents, the chapter
        Assert.Equal(new FileInfo(temp.File("reported.pdf")).Length, pdf.GetProperty("bytes").GetInt64());
        Assert.Contains(pdf.GetProperty("fonts").EnumerateArray(), f => f.GetString()!.StartsWith("LXGW WenKai Regular (subset"));
        var (code, _, stderr) = Run("build", Cat1, "-f", "pdf", "--no-fonts", "--name", "none", "-o", temp.Path);
        Assert.Equal(1, code);
        Assert.Contains("--no-fonts", stderr);
        Assert.False(File.Exists(temp.File("none.pdf")));
    }

    [Fact]
    public void An_unknown_page_size_is_a_clear_error()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = Run("build", Cat1, "-f", "pdf", "--page-size", "A9000", "-o", temp.Path, "--no-images");
        Assert.Equal(1, code);
        Assert.Contains("A9000", stderr);
        Assert.Contains("WxHmm", stderr);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        Assert.Equal(1, Run("build", Cat1, "-f", "docx").Code);
    }

    [Fact]
    public void Report_lists_articles_chapters_warnings_outputs_and_timings()
    {
        using var temp = new TempFolder();
        var report = temp.File("report.json");
        var index = TestPaths.Fixture("book", "indexes", "W城市新闻.md");
        Assert.Equal(0, Run("build", index, "-o", temp.Path, "--report", report, "--quiet").Code);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("articles").GetInt32());
        Assert.Equal("城市新闻", root.GetProperty("chapters")[0].GetProperty("title").GetString());
        var warning = root.GetProperty("warnings").EnumerateArray().First(w => w.GetProperty("message").GetString()!.Contains("gone.md"));
        Assert.Equal("EB002", warning.GetProperty("code").GetString());
        Assert.EndsWith("W城市新闻.md", warning.GetProperty("file").GetString());
        Assert.Equal(6, warning.GetProperty("line").GetInt32());
        var output = root.GetProperty("outputs")[0];
        Assert.Equal("epub", output.GetProperty("format").GetString());
        Assert.Equal(new FileInfo(output.GetProperty("path").GetString()!).Length, output.GetProperty("bytes").GetInt64());
        Assert.True(root.GetProperty("timings").TryGetProperty("total", out _));
    }

    [Fact]
    public void A_failed_build_leaves_an_earlier_book_intact_and_no_temporary_files()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Run("build", Cat1, "--name", "book", "-o", temp.Path, "--quiet").Code);
        var before = File.ReadAllBytes(temp.File("book.epub"));
        Assert.Equal(1, Run("build", Cat1, "/no/such/file.md", "--name", "book", "-o", temp.Path).Code);
        Assert.Equal(before, File.ReadAllBytes(temp.File("book.epub")));
        Assert.Equal(["book.epub"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_cancelled_build_writes_nothing()
    {
        using var temp = new TempFolder();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => TestBuild.Run(temp, [Cat1], cancellationToken: cancelled.Token));
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void File_names_keep_Chinese_and_drop_what_file_systems_refuse()
    {
        Assert.Equal("新闻 合集 2021", FileNames.ForBook("新闻/合集: 2021"));
        Assert.Equal("book", FileNames.ForBook("..."));
    }
}
