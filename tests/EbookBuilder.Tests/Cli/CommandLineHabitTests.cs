using System.Text.Json;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Cli;

/// <summary>
/// The habits people bring from pandoc, cargo, git and mdBook: a comma list of formats, -o naming
/// the file, a quiet -q, a mistyped option named back with the nearest one, a short usage error,
/// and a report even when the build fails.
/// </summary>
public sealed class CommandLineHabitTests
{
    private static readonly string Cat1 = TestPaths.Fixture("book", "pages", "cat1");

    [Fact]
    public void A_comma_list_of_formats_writes_each()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Cat1, "-f", "epub,pdf", "--name", "both", "-o", temp.Path, "--no-images", "--quiet");
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(temp.File("both.epub")));
        Assert.True(File.Exists(temp.File("both.pdf")));
        var (bad, _, error) = CliRun.Invoke("build", Cat1, "-f", "epub,pfd", "-o", temp.Path);
        Assert.Equal(1, bad);
        Assert.Contains("'pfd' is not a format (did you mean pdf?)", error);
    }

    [Fact]
    public void Output_naming_a_file_writes_that_file_in_its_format_not_a_folder_of_that_name()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliRun.Invoke("build", Cat1, "-o", temp.File("book.epub"), "--quiet").Code);
        Assert.True(File.Exists(temp.File("book.epub")));
        Assert.Equal(0, CliRun.Invoke("build", Cat1, "-o", temp.File("sub/周刊.pdf"), "--no-images", "--quiet").Code);
        Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(temp.File("sub/周刊.pdf"))[..5]);
        Assert.False(File.Exists(temp.File("sub/周刊.epub")));
        var (code, _, stderr) = CliRun.Invoke("build", Cat1, "-o", temp.File("x.epub"), "-f", "all");
        Assert.Equal(1, code);
        Assert.Contains("give a folder with -o", stderr);
        Assert.False(File.Exists(temp.File("x.epub")));
    }

    [Fact]
    public void Quiet_prints_nothing_when_the_build_succeeds()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = CliRun.Invoke("build", Cat1, "-o", temp.Path, "-q");
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void A_mistyped_option_is_an_error_naming_the_nearest_option_not_a_missing_input()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Cat1, "--formt", "pdf", "-o", temp.Path);
        Assert.Equal(1, code);
        Assert.Contains("unknown option '--formt' (did you mean --format?)", stderr);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void A_usage_error_is_one_line_and_where_the_help_is_not_the_whole_help()
    {
        var (code, _, stderr) = CliRun.Invoke("build", Cat1, "--page-size");
        Assert.Equal(1, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains("--page-size", lines[0]);
        Assert.Equal("Run 'ebook build --help' for usage.", lines[1].TrimEnd());
        var (unknown, _, said) = CliRun.Invoke("biuld", Cat1);
        Assert.Equal(1, unknown);
        Assert.Contains("(did you mean build?)", said);
    }

    [Fact]
    public void A_failed_build_still_writes_its_report_with_the_error()
    {
        using var temp = new TempFolder();
        var report = temp.File("r.json");
        var (code, _, _) = CliRun.Invoke("build", "/no/such/folder", "-o", temp.File("out"), "--report", report);
        Assert.Equal(1, code);
        var json = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        Assert.False(json.GetProperty("ok").GetBoolean());
        Assert.Contains("/no/such/folder", json.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(0, json.GetProperty("outputs").GetArrayLength());
    }
}

/// <summary>Tests that change the process's current folder run alone.</summary>
[CollectionDefinition(nameof(CurrentFolder), DisableParallelization = true)]
public sealed class CurrentFolder;

[Collection(nameof(CurrentFolder))]
public sealed class BareBuildTests
{
    [Fact]
    public void A_bare_build_builds_the_book_file_of_the_current_folder_and_without_one_says_what_to_give()
    {
        using var temp = new TempFolder();
        temp.Write("book/pages/1.md", "# 第一篇\n\n正文。\n");
        temp.Write("book/book.toml", "[book]\ntitle = \"本地\"\n\n[[chapter]]\ntitle = \"一\"\nsources = [\"pages\"]\n");
        var before = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(temp.File("book"));
            var (code, _, stderr) = CliRun.Invoke("build", "-q");
            Assert.True(code == 0, stderr);
            Assert.True(File.Exists(temp.File("book/dist/本地.epub")));
            Directory.SetCurrentDirectory(temp.Path);
            var (none, _, said) = CliRun.Invoke("build");
            Assert.Equal(1, none);
            Assert.Contains("run `ebook build` in a folder that holds a book.toml", said);
        }
        finally
        {
            Directory.SetCurrentDirectory(before);
        }
    }
}
