using EbookBuilder.Assembly;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using Xunit;

namespace EbookBuilder.Tests.Assembly;

/// <summary>Chapter assembly on its own, without reading a file: the date range, each article once, order and limit.</summary>
public class ChapterAssemblerTests
{
    private static Article Make(string file, string title, string? date, string? url = null, string body = "正文。") =>
        new(title, date is null ? null : DateOnly.Parse(date), url, null,
            [new Paragraph([new Text(body + title, new SourceSpan(file, 3))], new SourceSpan(file, 3))], SourceSpan.InFile(file));

    private static (List<Chapter> Chapters, DiagnosticBag Diagnostics) Assemble(DateRange range, params ChapterSource[] sources)
    {
        var articles = new Dictionary<string, Article?>(StringComparer.Ordinal)
        {
            ["a.md"] = Make("a.md", "甲", "2024-05-01", "https://example.org/a"),
            ["b.md"] = Make("b.md", "乙", "2024-05-03"),
            ["c.md"] = Make("c.md", "丙", null),
            ["d.md"] = Make("d.md", "丁", "2024-05-02", "https://example.org/a"), // the same URL as a.md
            ["e.md"] = null, // could not be read
        };
        var diagnostics = new DiagnosticBag();
        return (ChapterAssembler.Assemble(sources, articles, range, diagnostics), diagnostics);
    }

    private static ChapterSource Source(string title, params string[] files) => new(title, files, SourceSpan.InFile(title));

    private static string[] Titles(Chapter chapter) => chapter.Articles.Select(a => a.Title).ToArray();

    [Fact]
    public void An_article_is_kept_in_the_first_chapter_that_has_it_by_file_and_by_original_url()
    {
        var (chapters, diagnostics) = Assemble(DateRange.All, Source("一", "a.md", "e.md"), Source("二", "a.md", "b.md", "d.md"));
        Assert.Equal(["甲"], Titles(chapters[0]));
        Assert.Equal(["乙"], Titles(chapters[1]));
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.DuplicateArticle && d.Message.Contains("a.md in chapter '一'"));
    }

    [Fact]
    public void The_chapter_range_narrows_the_book_range_and_undated_articles_are_kept_or_dropped_with_a_warning()
    {
        var chapter = Source("一", "a.md", "b.md", "c.md") with { Until = DateOnly.Parse("2024-05-02") };
        var (kept, keptDiagnostics) = Assemble(new DateRange(DateOnly.Parse("2024-04-01"), null), chapter);
        Assert.Equal(["甲", "丙"], Titles(kept[0]));
        Assert.Contains(keptDiagnostics.Items, d => d.Code == DiagnosticCodes.Undated && d.Severity == Severity.Warning && d.Message.Contains("were kept"));

        var (dropped, _) = Assemble(new DateRange(DateOnly.Parse("2024-04-01"), null, DropUndated: true), chapter);
        Assert.Equal(["甲"], Titles(dropped[0]));
    }

    [Fact]
    public void A_limit_keeps_the_newest_in_the_order_asked_and_an_empty_chapter_is_left_out()
    {
        var newest = Source("一", "c.md", "a.md", "b.md") with { Limit = 2, Order = ChapterOrder.Date };
        var (chapters, diagnostics) = Assemble(new DateRange(null, DateOnly.Parse("2024-05-03")), newest, Source("空", "e.md"));
        Assert.Single(chapters);
        Assert.Equal(["甲", "乙"], Titles(chapters[0]));
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.EmptyChapter && d.Message.Contains("'空'"));
    }
}
