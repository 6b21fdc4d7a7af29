using System.CommandLine;
using EbookBuilder.Assembly;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Assembly;

/// <summary>Local references stay in the book's folder: a crafted index or book file cannot pull private files into a book.</summary>
public sealed class ConfinementTests
{
    private const string Secret = "这是不该出现在书里的私人笔记。";

    [Fact]
    public void Index_links_leaving_the_book_folder_are_refused_with_a_warning()
    {
        using var temp = new TempFolder();
        temp.Write("private/notes.md", $"# 私人\n\n{Secret}\n");
        temp.Write("book/pages/a/1.md", "# 一\n\n正文一。\n");
        temp.Write("book/pages/a/2.md", "# 二\n\n正文二。\n");
        var index = temp.Write("book/indexes/X目录.md",
            "#### [一](../pages/a/1.md)\n#### [二](../pages/a/2.md)\n#### [笔记](../../private/notes.md)\n#### [绝对](" + temp.File("private/notes.md") + ")\n");
        var diagnostics = new DiagnosticBag();
        var chapters = InputResolver.Resolve([index], diagnostics);
        var files = Assert.Single(chapters).Files;
        Assert.Equal([temp.File("book/pages/a/1.md"), temp.File("book/pages/a/2.md")], files);
        Assert.Equal(2, diagnostics.Items.Count(d => d.Code == DiagnosticCodes.OutsideBook && d.Severity == Severity.Warning));
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.OutsideBook && d.Where is { Line: 3 });
    }

    [Fact]
    public void Book_file_sources_outside_its_folder_are_refused_unless_root_allows_them()
    {
        using var temp = new TempFolder();
        temp.Write("private/notes.md", $"# 私人\n\n{Secret}\n");
        temp.Write("book/pages/1.md", "# 一\n\n正文一。\n");
        var toml = temp.Write("book/book.toml", "[book]\ntitle = \"书\"\n\n[[chapter]]\nsources = [\"pages\", \"../private\", \"" + temp.File("private/notes.md") + "\", \"../private/*.md\"]\n");

        var (code, report, stderr) = Build(temp, toml);
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("私人", report);
        Assert.Contains("EB014", stderr);
        Assert.Contains("book.toml:4", stderr);

        File.WriteAllText(toml, File.ReadAllText(toml).Replace("title = \"书\"", "title = \"书\"\nroot = \"..\"", StringComparison.Ordinal));
        (code, report, stderr) = Build(temp, toml);
        Assert.True(code == 0, stderr);
        Assert.Contains("私人", report);
    }

    private static (int Code, string Report, string Err) Build(TempFolder temp, string toml)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var report = temp.File("report.json");
        var code = EbookBuilder.Cli.CommandLine.Create().Parse(["build", toml, "--report", report, "--cache-dir", temp.File("cache"), "-f", "epub"])
            .Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, File.Exists(report) ? File.ReadAllText(report) : "", stderr.ToString());
    }
}
