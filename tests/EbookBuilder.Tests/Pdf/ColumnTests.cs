using EbookBuilder.Model.Assets;
using EbookBuilder.Pdf.Drawing;
using EbookBuilder.Pdf.Layout;
using EbookBuilder.Pdf.Typesetting;
using Xunit;

namespace EbookBuilder.Tests.Pdf;

/// <summary>
/// The paginator on pages of two columns, with fake blocks as in <see cref="PaginatorTests"/>: a
/// text area of 160 × 100 pt in two columns of 70 pt with 20 between them (ten lines of 10 pt each).
/// Each page is written as what is drawn on it in the order it is drawn, runs of one block's lines
/// as ranges, a right column's marked ′: "a1-4 a5-7′" is a page with a's first four lines in the
/// left column and the next three in the right.
/// </summary>
public sealed class ColumnTests
{
    private const float LineHeight = 10;

    private static readonly PageGeometry Page = new PageGeometry(200, 140, 20, 20, 20, 20) { Columns = 2, Gap = 20 };

    /// <summary>The right column starts here: 20 (margin) + 70 (a column) + 20 (the gap).</summary>
    private const float Right = 110;

    private sealed class FakeText(string name, int lines) : ITextBlock
    {
        public int LineCount => lines;

        public float LineHeight => ColumnTests.LineHeight;

        public float Ascent => 8;

        public string Text => name;

        public float LineWidth(int line) => 60;

        public void DrawLine(IPageCanvas canvas, int line, float left, float baseline) => (canvas as PageLog)?.Drawn.Add(($"{name}{line + 1}", left, baseline));
    }

    private sealed class PageLog : IPageCanvas
    {
        public List<(string What, float X, float Y)> Drawn { get; } = [];

        public List<Rect> Images { get; } = [];

        public void DrawText(in GlyphRun run) { }

        public void DrawImage(ImageHandle image, Rect rect)
        {
            Images.Add(rect);
            Drawn.Add(("[image]", rect.Left, rect.Top));
        }

        public void DrawLine(Point from, Point to, Color color, float width) { }

        public void LinkUrl(Rect rect, string url) { }

        public void LinkTo(Rect rect, string destination) { }

        public void Destination(string name, Point at) { }
    }

    private sealed class Pages : IPageSink
    {
        public List<PageLog> Done { get; } = [];

        public IPageCanvas BeginPage(int number) => new PageLog();

        public void EndPage(PageInfo page, IPageCanvas canvas) => Done.Add((PageLog)canvas);

        public string Layout => string.Join(" | ", Done.Select(p => Ranges(p.Drawn)));

        private static string Ranges(List<(string What, float X, float Y)> drawn)
        {
            var parts = new List<(string Name, string First, string Last, bool Right)>();
            foreach (var (what, x, _) in drawn)
            {
                var name = what.TrimEnd("0123456789".ToCharArray());
                var number = what[name.Length..];
                var right = x >= Right - 0.01f;
                if (number.Length > 0 && parts.Count > 0 && parts[^1].Name == name && parts[^1].Right == right && parts[^1].First.Length > 0) parts[^1] = parts[^1] with { Last = number };
                else parts.Add((name, number, number, right));
            }
            return string.Join(" ", parts.Select(p => p.Name + (p.First == p.Last ? p.First : $"{p.First}-{p.Last}") + (p.Right ? "′" : "")));
        }
    }

    private static TextElement Para(string name, int lines, bool keepWithNext = false, bool spans = false) =>
        new(new FakeText(name, lines), 0, 0, 0, name, keepWithNext) { SpansColumns = spans };

    /// <summary>A figure of an image <paramref name="width"/> × <paramref name="height"/> pt (pixels at 72 dpi, scaled down to the width it is given), no caption: 10 pt above and below it.</summary>
    private static FigureElement Figure(int width, int height, bool spans) =>
        new(new ImageHandle(new ImageAsset("a.png", [], "image/png", width, height)), 100, 72, null, 10, "figure") { SpansColumns = spans };

    private static (Pages Pages, Paginator Paginator) Lay(params Element[] elements)
    {
        var pages = new Pages();
        var paginator = new Paginator(Page, pages, 1);
        paginator.Run(elements, "书名");
        return (pages, paginator);
    }

    [Fact]
    public void Text_fills_the_left_column_then_the_right_then_the_next_page_whose_end_is_balanced() =>
        Assert.Equal("a1-10 a11-20′ | a21-23 a24-25′", Lay(Para("a", 25)).Pages.Layout);

    [Fact]
    public void Columns_are_balanced_at_a_chapters_end_the_left_one_the_longer()
    {
        var (pages, _) = Lay(Para("a", 7), new PageBreakElement("第二章"), Para("b", 4));
        Assert.Equal("a1-4 a5-7′ | b1-2 b3-4′", pages.Layout);
        // Balanced: the two columns start together at the top of the text area.
        var page = pages.Done[0].Drawn;
        Assert.Equal(page.Single(d => d.What == "a1").Y, page.Single(d => d.What == "a5").Y);
    }

    [Fact]
    public void A_paragraph_too_short_to_split_is_not_split_to_balance() =>
        Assert.Equal("a1-3", Lay(Para("a", 3)).Pages.Layout);

    [Fact]
    public void A_title_across_the_columns_closes_those_above_it_balanced_and_the_next_start_under_it()
    {
        var (pages, _) = Lay(Para("a", 6), Para("T", 1, keepWithNext: true, spans: true), Para("b", 6));
        Assert.Equal("a1-3 a4-6′ T1 b1-3 b4-6′", pages.Layout);
        var page = pages.Done[0].Drawn;
        // a's three lines (20..50), the title's line (50..60), then b's columns from 60.
        Assert.Equal(58, page.Single(d => d.What == "T1").Y);
        Assert.Equal(20, page.Single(d => d.What == "T1").X);
        Assert.Equal(68, page.Single(d => d.What == "b1").Y);
        Assert.Equal(68, page.Single(d => d.What == "b4").Y);
    }

    [Fact]
    public void A_title_across_that_does_not_fit_with_two_lines_under_it_opens_the_next_page_and_leaves_this_ones_columns_balanced()
    {
        var (pages, _) = Lay(Para("a", 17), Para("T", 1, keepWithNext: true, spans: true), Para("b", 4));
        Assert.Equal("a1-9 a10-17′ | T1 b1-2 b3-4′", pages.Layout);
    }

    [Fact]
    public void A_heading_kept_with_its_lines_moves_to_the_next_column_and_the_balanced_columns_keep_it_with_them()
    {
        // Before balancing: a's nine lines fill the left column, the heading and b the right one.
        Assert.Equal("a1-7 a8-9′ h1′ b1-5′", Lay(Para("a", 9), Para("h", 1, keepWithNext: true), Para("b", 5)).Pages.Layout);
    }

    [Fact]
    public void A_wide_figure_spans_the_columns_under_the_text_above_it_balanced()
    {
        var (pages, _) = Lay(Para("a", 6), Figure(160, 10, spans: true), Para("b", 4));
        Assert.Equal("a1-3 a4-6′ [image] b1-2 b3-4′", pages.Layout);
        var image = Assert.Single(pages.Done[0].Images);
        Assert.Equal(new Rect(20, 60, 180, 70), image); // under the three lines and the figure's 10 pt, across the text area
    }

    [Fact]
    public void A_wide_figure_that_does_not_fit_under_the_balanced_columns_is_set_in_a_column()
    {
        // Balanced, a's fourteen lines would end at 90: 10 pt are left, the figure across needs 60.
        var (pages, _) = Lay(Para("a", 14), Figure(160, 40, spans: true));
        Assert.Equal("a1-9 a10-14′ [image]′", pages.Layout);
        var image = Assert.Single(pages.Done[0].Images);
        Assert.Equal(70, image.Right - image.Left, 0.01); // a column's width
    }

    [Fact]
    public void A_figure_that_does_not_fit_the_rest_of_a_column_floats_to_the_next_column()
    {
        // The left column has 20 pt left under a's eight lines; the figure (70 × 17.5 pt, 37.5 with its space) opens the right column, b fills the left.
        var (pages, _) = Lay(Para("a", 8), Figure(160, 40, spans: false), Para("b", 20));
        Assert.Equal("a1-8 b1-2 [image]′ b3-8′ | b9-14 b15-20′", pages.Layout);
    }

    [Fact]
    public void A_lead_figure_too_wide_for_the_rest_of_the_page_under_its_title_is_set_in_a_column()
    {
        // Under the title (60 to 120) the figure across would need 80 pt; in a column it needs 46.25.
        var (pages, paginator) = Lay(Para("a", 5), Para("T", 1, keepWithNext: true, spans: true), Figure(160, 60, spans: true), Para("b", 6));
        Assert.Equal("a1-3 a4-5′ T1 [image] b1-6′", pages.Layout);
        Assert.Equal(0, paginator.StrandedHeadings);
    }

    [Fact]
    public void A_lead_figure_that_fits_no_column_under_its_title_floats_and_its_text_fills_the_columns_balanced()
    {
        // In a column the figure needs 63.75 pt, 60 are left in each: b fills them (balanced, as the
        // page ends with nothing in its last column) and the figure opens the next page.
        var (pages, paginator) = Lay(Para("a", 5), Para("T", 1, keepWithNext: true, spans: true), Figure(160, 100, spans: true), Para("b", 6));
        Assert.Equal("a1-3 a4-5′ T1 b1-3 b4-6′ | [image]", pages.Layout);
        Assert.Equal(0, paginator.StrandedHeadings);
        // With more text the figure floats from the top of the right column too: the text fills both.
        (pages, _) = Lay(Para("a", 5), Para("T", 1, keepWithNext: true, spans: true), Figure(160, 100, spans: true), Para("b", 14));
        Assert.Equal("a1-3 a4-5′ T1 b1-6 b7-12′ | [image] b13-14′", pages.Layout);
    }

    [Fact]
    public void A_destination_in_the_right_column_records_its_page_and_height()
    {
        var (pages, paginator) = Lay(Para("a", 12), new DestinationElement("d", "D", 1), Para("b", 10));
        Assert.Equal("a1-10 a11-12′ b1-8′ | b9-10", pages.Layout);
        Assert.Equal((1, 40f), paginator.Destinations["d"]);
    }

    [Fact]
    public void An_element_taller_than_a_column_is_an_error_naming_it_not_a_loop()
    {
        var figure = new FigureElement(new ImageHandle(new ImageAsset("a.png", [], "image/png", 70, 200)), 200, 72, null, 20, "a figure of 'tall'");
        var e = Assert.Throws<LayoutException>(() => Lay(Para("a", 3), figure));
        Assert.Contains("a figure of 'tall'", e.Message);
    }

    /// <summary>A block that measures and moves on but fails to draw on a page (as a glyph Skia cannot draw would).</summary>
    private sealed class FailsToDraw(int lines) : Element
    {
        private int _next;

        internal override int Progress { get => _next; set => _next = value; }

        public override Plan Measure(float width, float height) => new(PlanKind.Full, lines * LineHeight);

        internal override float Advance(float width, float height)
        {
            _next = lines;
            return lines * LineHeight;
        }

        public override float Draw(IPageCanvas canvas, float x, float y, float width, float height) => throw new InvalidOperationException("no glyph");

        public override string Description => "a block that cannot be drawn";
    }

    [Fact]
    public void A_block_that_fails_when_its_column_is_drawn_is_told_with_its_name_and_the_rest_is_drawn()
    {
        var pages = new Pages();
        var faults = new List<(Element Element, Exception Error)>();
        new Paginator(Page, pages, 1, (element, error) => faults.Add((element, error))).Run([Para("a", 4), new FailsToDraw(2), Para("b", 4)], null);
        Assert.Equal("a1-4 b1-4′", pages.Layout); // the block's place, under a, stays empty
        var fault = Assert.Single(faults);
        Assert.Equal("a block that cannot be drawn", fault.Element.Description);
        Assert.Equal("no glyph", fault.Error.Message);
    }

    [Fact]
    public void A_text_area_in_columns_is_whole_characters_wide_in_each_with_a_gap_of_two_or_three()
    {
        const float mm = 72f / 25.4f;
        foreach (var (width, size) in new[] { (210f, 9.5f), (210f, 10f), (176f, 9.5f), (176f, 9f) })
        {
            var page = PageGeometry.InWholeCharacters(width * mm, 297 * mm, 16 * mm, 16 * mm, 16 * mm, 16 * mm, size).InColumns(2, size);
            var column = page.ColumnWidth / size;
            Assert.Equal(Math.Round(column), column, 3);
            Assert.Contains(Math.Round(page.Gap / size, 3), new[] { 2.0, 3.0 });
            Assert.Equal(page.ContentWidth, 2 * page.ColumnWidth + page.Gap, 2);
        }
        Assert.Throws<ArgumentException>(() => new PageGeometry(100, 100, 10, 10, 10, 10).InColumns(2, 10)); // 8 characters: no room for two columns of 8
    }
}
