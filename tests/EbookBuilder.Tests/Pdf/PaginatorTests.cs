using EbookBuilder.Model.Assets;
using EbookBuilder.Pdf.Drawing;
using EbookBuilder.Pdf.Layout;
using EbookBuilder.Pdf.Typesetting;
using Xunit;

namespace EbookBuilder.Tests.Pdf;

/// <summary>
/// The paginator's page rules with fake blocks (QuestPDF's layout tests are the model): no fonts,
/// no Skia. A fake paragraph is named lines 10 pt tall; a page's text area is 160 × 100 pt, ten
/// lines. Each page is written as the lines drawn on it, runs of one block's lines as ranges:
/// "a1-8 b1-2 | b3-5" is a page with a's eight lines and b's first two, then a page with the rest of b.
/// </summary>
public sealed class PaginatorTests
{
    private const float LineHeight = 10;

    private static readonly PageGeometry Page = new(200, 140, 20, 20, 20, 20);

    /// <summary>Lines of a fake block: "name1", "name2"…; each character is 10 pt wide where the text is given.</summary>
    private sealed class FakeText(string name, int lines, string? text = null, float width = 0) : ITextBlock
    {
        public int LineCount => lines;

        public float LineHeight => PaginatorTests.LineHeight;

        public float Ascent => 8;

        public string Text => text ?? name;

        public float LineWidth(int line) => text is null ? 100 : Math.Min(width, text.Length * 10 - line * width);

        public void DrawLine(IPageCanvas canvas, int line, float left, float baseline) => ((PageLog)canvas).Lines.Add($"{name}{line + 1}");

        /// <summary>A table cell's text set at <paramref name="width"/>: as many lines as its characters need.</summary>
        public static FakeText Cell(IReadOnlyList<TextSpan> spans, float width)
        {
            var text = string.Concat(spans.Select(s => s.Text));
            return new FakeText(text, Math.Max(1, (int)Math.Ceiling(text.Length * 10 / width)), text, width);
        }
    }

    private sealed class PageLog : IPageCanvas
    {
        public List<string> Lines { get; } = [];

        public List<Rect> Images { get; } = [];

        public void DrawText(in GlyphRun run) { }

        public void DrawImage(ImageHandle image, Rect rect) => Images.Add(rect);

        public void DrawLine(Point from, Point to, Color color, float width) { }

        public void LinkUrl(Rect rect, string url) { }

        public void LinkTo(Rect rect, string destination) { }

        public void Destination(string name, Point at) { }
    }

    private sealed class Pages : IPageSink
    {
        public List<(PageInfo Info, PageLog Log)> Done { get; } = [];

        public IPageCanvas BeginPage(int number) => new PageLog();

        public void EndPage(PageInfo page, IPageCanvas canvas) => Done.Add((page, (PageLog)canvas));

        /// <summary>Each page's lines, a block's consecutive lines as one range.</summary>
        public string Layout => string.Join(" | ", Done.Select(p => Ranges(p.Log.Lines) + (p.Log.Images.Count > 0 ? " [image]" : "")));

        private static string Ranges(List<string> lines)
        {
            var parts = new List<string>();
            foreach (var line in lines)
            {
                var name = line.TrimEnd("0123456789".ToCharArray());
                var number = line[name.Length..];
                if (parts.Count > 0 && parts[^1].StartsWith(name, StringComparison.Ordinal) && char.IsDigit(parts[^1][name.Length]))
                {
                    var first = parts[^1].Split('-')[0];
                    parts[^1] = $"{first}-{number}";
                }
                else parts.Add(line);
            }
            return string.Join(" ", parts.Select(p => p.Split('-') is [var a, var b] && a[^b.Length..] == b ? a : p));
        }
    }

    private static TextElement Para(string name, int lines, bool keepWithNext = false, bool keepWithPrevious = false) =>
        new(new FakeText(name, lines), 0, 0, 0, name, keepWithNext, keepWithPrevious);

    private static Pages Lay(params Element[] elements)
    {
        var pages = new Pages();
        new Paginator(Page, pages, 1).Run(elements, "书名");
        return pages;
    }

    [Fact]
    public void A_paragraph_fills_the_page_and_continues_on_the_next() =>
        Assert.Equal("a1-8 b1-2 | b3-5", Lay(Para("a", 8), Para("b", 5)).Layout);

    [Fact]
    public void No_orphan_one_line_never_stays_alone_at_a_page_bottom() =>
        Assert.Equal("a1-9 | b1-5", Lay(Para("a", 9), Para("b", 5)).Layout);

    [Fact]
    public void No_widow_two_lines_at_least_go_to_the_next_page() =>
        Assert.Equal("a1-7 b1-2 | b3-4", Lay(Para("a", 7), Para("b", 4)).Layout);

    [Fact]
    public void A_paragraph_of_two_lines_is_not_split() =>
        Assert.Equal("a1-9 | b1-2", Lay(Para("a", 9), Para("b", 2)).Layout);

    [Fact]
    public void A_heading_kept_with_next_moves_when_two_lines_of_its_paragraph_do_not_follow_it() =>
        Assert.Equal("a1-8 | h1 b1-5", Lay(Para("a", 8), Para("h", 1, keepWithNext: true), Para("b", 5)).Layout);

    [Fact]
    public void A_heading_stays_when_two_lines_of_its_paragraph_fit_under_it() =>
        Assert.Equal("a1-7 h1 b1-2 | b3-5", Lay(Para("a", 7), Para("h", 1, keepWithNext: true), Para("b", 5)).Layout);

    [Fact]
    public void A_heading_moves_with_a_three_line_paragraph_that_cannot_split_two_and_one() =>
        Assert.Equal("a1-7 | h1 b1-3", Lay(Para("a", 7), Para("h", 1, keepWithNext: true), Para("b", 3)).Layout);

    [Fact]
    public void A_short_last_line_kept_with_previous_brings_two_lines_of_the_paragraph_before_it() =>
        Assert.Equal("a1-6 b1-2 | b3-4 c1", Lay(Para("a", 6), Para("b", 4), Para("c", 1, keepWithPrevious: true)).Layout);

    [Fact]
    public void A_heading_moves_with_a_paragraph_that_cannot_split_and_the_line_kept_with_it() =>
        // The chain h -> b -> c: b (three lines, not split two and one) fits under h, c does not;
        // before, b went overleaf with c and left h alone at the page foot.
        Assert.Equal("a1-6 | h1 b1-3 c1", Lay(Para("a", 6), Para("h", 1, keepWithNext: true), Para("b", 3), Para("c", 1, keepWithPrevious: true)).Layout);

    [Fact]
    public void A_paragraph_split_to_bring_lines_to_what_keeps_with_it_ends_the_page_and_no_heading_is_counted_stranded()
    {
        var pages = new Pages();
        var paginator = new Paginator(Page, pages, 1);
        paginator.Run([Para("a", 2), Para("h", 1, keepWithNext: true), Para("b", 7), Para("c", 1, keepWithPrevious: true)], "书名");
        Assert.Equal("a1-2 h1 b1-5 | b6-7 c1", pages.Layout);
        Assert.Equal(0, paginator.StrandedHeadings); // the page ends with b's lines, not with h
    }

    [Fact]
    public void A_page_start_opens_a_page_with_its_running_title_and_destinations_record_where_they_land()
    {
        var pages = Lay(Para("a", 3), new PageBreakElement("第二章"), new DestinationElement("c2", "第二章", 0), Para("b", 12));
        Assert.Equal("a1-3 | b1-10 | b11-12", pages.Layout);
        Assert.Equal([(1, "书名", false), (2, "第二章", true), (3, "第二章", false)], pages.Done.Select(p => (p.Info.Number, p.Info.RunningTitle, p.Info.IsOpening)));
        var paginator = new Paginator(Page, new Pages(), 1);
        paginator.Run([Para("a", 3), new PageBreakElement(null), new DestinationElement("c2", "第二章", 0), Para("b", 1)], null);
        Assert.Equal((2, 20f), paginator.Destinations["c2"]);
    }

    [Fact]
    public void A_figure_that_does_not_fit_moves_whole_with_its_caption()
    {
        // 160 x 20 pixels at 72 dpi: 160 x 20 pt; with its caption's line and the gaps (10 above, 5 between, 10 below): 55 pt.
        var figure = new FigureElement(new ImageHandle(new ImageAsset("a.png", [], "image/png", 160, 20)), 100, 72, new FakeText("f", 1), 10, "figure");
        Assert.Equal("a1-4 f1 [image]", Lay(Para("a", 4), figure).Layout);
        figure = new FigureElement(new ImageHandle(new ImageAsset("a.png", [], "image/png", 160, 20)), 100, 72, new FakeText("f", 1), 10, "figure");
        Assert.Equal("a1-5 | f1 [image]", Lay(Para("a", 5), figure).Layout);
    }

    [Fact]
    public void A_table_continues_on_the_next_page_between_rows_never_inside_a_row_span()
    {
        // Cells of 16 characters in columns of 80 pt: two lines each, rows 20 pt + 2 x 1 pt padding.
        TableElement.Cell Cell(string text, int rows = 1) => new([new TextSpan(text)], 1, rows);
        var cell = new string('字', 16);
        var rows = new List<IReadOnlyList<TableElement.Cell>>
        {
            new[] { Cell("r1" + cell[2..]), Cell(cell) },
            new[] { Cell("r2" + cell[2..], rows: 2), Cell(cell) },
            new[] { Cell(cell) },
            new[] { Cell("r4" + cell[2..]), Cell(cell) },
        };
        var table = new TableElement(rows, FakeText.Cell, 160, 1, new Color(0, 0, 0), "table");
        var layout = Lay(Para("a", 5), table).Layout;
        // 50 pt left: row 1 (22 pt) fits, rows 2-3 are one band (44 pt) and move together.
        Assert.StartsWith("a1-5 r1", layout);
        var pages = layout.Split(" | ");
        Assert.Equal(2, pages.Length);
        Assert.DoesNotContain("r2", pages[0]);
        Assert.Contains("r2", pages[1]);
        Assert.Contains("r4", pages[1]);
    }

    private static FigureElement Figure(float height) =>
        // 160 pixels wide at 72 dpi: 160 pt; its height in points, plus 10 above and 10 below, no caption.
        new(new ImageHandle(new ImageAsset("a.png", [], "image/png", 160, (int)height - 20)), 1000, 72, null, 10, "figure");

    private static RuleElement Rule() => new(new Color(0, 0, 0), 6); // 12 pt

    [Fact]
    public void The_article_end_rule_stays_with_the_last_lines_and_never_opens_a_page_alone()
    {
        Assert.Equal("a1-7 | a8-9", Lay(Para("a", 9), Rule()).Layout); // the rule needs 12 pt, 10 are left: two lines go with it
        Assert.Equal("a1-6 | a7-8 c1", Lay(Para("a", 8), Para("c", 1, keepWithPrevious: true), Rule()).Layout); // the chain a -> c -> rule
        var pages = Lay(Figure(100), Rule());
        Assert.Single(pages.Done); // after a figure that fills the page, the rule is left out, not set on a page of its own
    }

    [Fact]
    public void A_figure_that_does_not_fit_lets_the_text_after_it_fill_the_page_and_opens_the_next()
    {
        Assert.Equal("a1-5 b1-5 | b6-8 [image]", Lay(Para("a", 5), Figure(55), Para("b", 8)).Layout);
        var pages = Lay(Para("a", 5), Figure(55), Para("b", 8));
        Assert.Equal(20f, pages.Done[1].Log.Images[0].Top - 10); // at the top of the next page, before the rest of the text
    }

    [Fact]
    public void A_title_with_its_meta_line_stays_on_the_page_when_the_text_can_follow_it_there_and_the_lead_figure_floats()
    {
        var layout = Lay(Para("a", 6), Para("h", 1, keepWithNext: true), Para("m", 1, keepWithNext: true), Figure(55), Para("b", 8)).Layout;
        Assert.Equal("a1-6 h1 m1 b1-2 | b3-6 [image] | b7-8", layout); // before: "a1-6 | h1 m1 b1-2 [image] | …", a page 60% full
    }
}
