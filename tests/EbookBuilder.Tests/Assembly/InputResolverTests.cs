using EbookBuilder.Assembly;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Assembly;

public sealed class InputResolverTests
{
    private static string Book(params string[] parts) => TestPaths.Fixture(["book", .. parts]);

    [Theory]
    [InlineData("E国际新闻", "国际新闻")]
    [InlineData("国际新闻", "国际新闻")]
    [InlineData("Economy", "Economy")]
    [InlineData("AB国际", "AB国际")]
    public void A_single_letter_sort_prefix_is_not_part_of_a_Chinese_title(string name, string expected) =>
        Assert.Equal(expected, ChapterNames.StripSortPrefix(name));

    [Fact]
    public void A_folder_is_a_chapter_named_from_the_names_file_in_natural_file_order()
    {
        var diagnostics = new DiagnosticBag();
        var chapter = Assert.Single(InputResolver.Resolve([Book("pages", "cat1")], diagnostics));
        Assert.Equal("城市生活", chapter.Title);
        Assert.Equal(["a1.md", "a2.md", "a10.md"], chapter.Files.Select(Path.GetFileName));
    }

    [Fact]
    public void A_folder_of_folders_gives_a_chapter_per_folder()
    {
        var chapters = InputResolver.Resolve([Book("pages")], new DiagnosticBag());
        Assert.Equal(["城市生活", "茶与乡村"], chapters.Select(c => c.Title));
    }

    [Fact]
    public void An_index_gives_its_links_in_order_once_each_and_reports_the_missing_one()
    {
        var diagnostics = new DiagnosticBag();
        var index = Book("indexes", "W城市新闻.md");
        var chapter = Assert.Single(InputResolver.Resolve([index], diagnostics));
        Assert.Equal("城市新闻", chapter.Title);
        Assert.Equal(["a10.md", "a1.md"], chapter.Files.Select(Path.GetFileName));
        var unresolved = diagnostics.Items.Where(d => d.Code == DiagnosticCodes.IndexLinkUnresolved && d.Severity == Severity.Warning).ToList();
        Assert.Equal(2, unresolved.Count); // 热点新闻.md and gone.md
        Assert.Contains(unresolved, d => d.Message.Contains("gone.md") && d.Where == new SourceSpan(index, 6));
    }

    [Fact]
    public void Consecutive_article_files_of_one_folder_make_one_chapter()
    {
        var chapters = InputResolver.Resolve([Book("pages", "cat1", "a2.md"), Book("pages", "cat1", "a1.md"), Book("pages", "cat2", "b1.md")], new DiagnosticBag());
        Assert.Equal(2, chapters.Count);
        Assert.Equal(["a2.md", "a1.md"], chapters[0].Files.Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_input_is_an_error_naming_it()
    {
        var diagnostics = new DiagnosticBag();
        InputResolver.Resolve(["/no/such/folder"], diagnostics);
        var error = Assert.Single(diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Contains("/no/such/folder", error.Message);
    }
}
