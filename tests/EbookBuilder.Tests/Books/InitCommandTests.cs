using System.CommandLine;
using EbookBuilder.Cli;
using EbookBuilder.Pipeline.Config;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Books;

public sealed class InitCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(args);

    [SkippableFact]
    public void Init_then_build_works_in_an_empty_folder()
    {
        using var temp = new TempFolder();
        var folder = temp.File("我的周刊");
        var (code, stdout, stderr) = Run("init", folder);
        Assert.True(code == 0, stderr);
        Assert.Contains("2 chapter(s)", stdout);
        Assert.True(File.Exists(Path.Combine(folder, "pages", "city", "2021-04-01-park.md")), "the example articles were not copied");

        (code, stdout, stderr) = Run("build", folder, "--cache-dir", temp.File("cache"), "--quiet");
        Assert.True(code == 0, stderr);
        var epub = Path.Combine(folder, "dist", "我的周刊.epub");
        var pdf = Path.Combine(folder, "dist", "我的周刊.pdf");
        Assert.True(File.Exists(epub) && File.Exists(pdf), stdout);
        var contents = new EpubContents(epub);
        Assert.Contains("城市", contents.Texts["OEBPS/nav.xhtml"]); // chapter names from the example's bb.names.csv
        if (EpubCheck.Available) EpubCheck.AssertValid(epub);
    }

    [Fact]
    public void Init_makes_a_chapter_per_article_folder_and_never_overwrites()
    {
        using var temp = new TempFolder();
        temp.Write("news/world/1.md", "# 一\n\n正文。\n");
        temp.Write("news/sports/1.md", "# 二\n\n正文。\n");
        var folder = temp.File("news");
        Assert.Equal(0, Run("init", folder).Code);
        var book = BookFileReader.Read(Path.Combine(folder, "book.toml"));
        Assert.Equal(new[] { "sports", "world" }, book.Chapters.Select(c => c.Title ?? "").ToArray());
        Assert.False(Directory.Exists(Path.Combine(folder, "pages")), "examples copied into a folder that had articles");

        var before = File.ReadAllText(Path.Combine(folder, "book.toml"));
        var (code, _, stderr) = Run("init", folder);
        Assert.Equal(1, code);
        Assert.Contains("already exists", stderr);
        Assert.Equal(before, File.ReadAllText(Path.Combine(folder, "book.toml")));
    }

    [Fact]
    public void The_template_with_every_key_uncommented_is_a_valid_book_file()
    {
        using var temp = new TempFolder();
        temp.Write("pages/1.md", "# 一\n\n正文。\n");
        var template = BookFileTemplate.Write("书", [("一章", "pages")]);
        // Uncomment every "# key = value" line: each key the template mentions must be known and well typed.
        var lines = template.Split('\n').Select(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^# [a-z-]+ = ") ? l[2..] : l);
        var all = string.Join('\n', lines).Replace("cover = \"cover.jpg\"", "cover = \"https://example.org/c.jpg\"", StringComparison.Ordinal);
        var book = BookFileReader.Parse(all, temp.File("book.toml"));
        Assert.Equal("书", book.Title);
        Assert.Equal(20, book.Chapters[0].Limit);
        Assert.Equal(10.5, book.Settings.Values["body-size"]);
        Assert.Single(book.Clean.DropLines);
    }
}
