using EbookBuilder.Pdf.Drawing;
using EbookBuilder.Pdf.Layout;
using EbookBuilder.Pdf.Typesetting;

namespace EbookBuilder.Tests.Pdf;

/// <summary>Layout with the recording canvas: line breaking, justification, page breaks of figures, paragraphs and headings.</summary>
public sealed class LayoutTests
{
    private const string Text =
        "他说：“我们到了。”她问：“到哪里了？”（这是一个问题。）「好」，『对』。【注意】《书名》〈篇名〉“引号”‘单引’……——结束。" +
        "新闻报道说，美国总统特朗普（Donald Trump）周五在白宫表示，2020年的经济增长率为3.5%，比预期高。";

    private static readonly TextStyle Body = new(10.5f, new Color(0, 0, 0), 1.75f, 21f, TextAlign.Justify);

    private static List<string> Lines(TextLayout layout, out RecordingCanvas canvas)
    {
        canvas = new RecordingCanvas();
        var lines = new List<string>();
        for (var i = 0; i < layout.Lines.Count; i++)
        {
            var before = canvas.Texts.Count;
            layout.DrawLine(canvas, i, 0, 20 * (i + 1));
            lines.Add(string.Concat(canvas.Texts.Skip(before).Select(t => t.Text)));
        }
        return lines;
    }

    [Theory]
    [InlineData(80)]
    [InlineData(97)]
    [InlineData(131)]
    [InlineData(160)]
    [InlineData(203)]
    public void No_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(float width)
    {
        using var fonts = TestFonts.For(Text);
        var layout = new TextLayout([new TextSpan(Text)], Body, width, fonts);
        var lines = Lines(layout, out _);
        Assert.Equal(Text.Replace(" ", ""), string.Concat(lines).Replace(" ", "")); // nothing lost or doubled
        foreach (var line in lines)
        {
            Assert.DoesNotMatch(@"^[，。、；：？！）」』】》〉”’]", line);
            Assert.DoesNotMatch(@"[（「『【《〈“‘]$", line);
        }
        Assert.DoesNotContain(lines, l => l.StartsWith(")") || l.Contains("Don") && !l.Contains("Donald")); // Latin words stay whole
    }

    [Theory]
    [InlineData("春夏秋冬东南西北上下左右前后里外金木水火土", "")] // 21 characters at 10 a line: 10 / 10 / 1
    [InlineData("春夏秋冬东南西北上下左右前后里外金木水火土", "。」")] // the lone character with its closing marks
    public void A_paragraph_never_ends_with_one_character_alone_on_its_last_line(string text, string marks)
    {
        using var fonts = TestFonts.For(text + marks);
        var style = Body with { FirstIndent = 0 };
        var layout = new TextLayout([new TextSpan(text + marks)], style, 10 * 10.5f, fonts);
        var lines = Lines(layout, out _);
        Assert.Equal(text + marks, string.Concat(lines)); // nothing lost or doubled
        Assert.Equal(3, lines.Count);
        Assert.True(lines[^1].Length - marks.Length >= 2, $"last line '{lines[^1]}' holds one character");
        Assert.Equal(10 * 10.5f, layout.LineWidth(1), 2); // the line that gave its character is still justified to the measure
    }

    [Theory]
    [InlineData("https://example.org/news/world/2024/page.html")]
    [InlineData("pic.example.com/news/world/2024/page")] // an address written without its scheme
    public void A_web_address_that_does_not_fit_the_rest_of_a_line_breaks_after_a_slash_or_dot_not_before_itself(string url)
    {
        var text = "详情请访问网站" + url + "查看。";
        using var fonts = TestFonts.For(text);
        var style = Body with { FirstIndent = 0 };
        var layout = new TextLayout([new TextSpan(text)], style, 20 * 10.5f, fonts);
        var lines = Lines(layout, out _);
        Assert.Equal(text, string.Concat(lines));
        Assert.StartsWith("详情请访问网站" + url[..6], lines[0]);
        Assert.Matches(@"[/.]$", lines[0]); // broken at an address's own separator
        Assert.Equal(20 * 10.5f, layout.LineWidth(0), 2); // and the line is full, not spaced out or ragged
    }

    [Fact]
    public void A_line_justification_cannot_fill_within_a_quarter_em_between_characters_is_set_ragged_not_spaced_out()
    {
        // The word goes to line 2: line 1 is 我们说 with nine ems of slack. Spread, it put three ems
        // between its characters; clreq's limit is a quarter em.
        const string text = "我们说Internationalization是一个很长的词。";
        using var fonts = TestFonts.For(text);
        var style = Body with { FirstIndent = 0 };
        var ragged = new TextLayout([new TextSpan(text)], style, 12 * 10.5f, fonts);
        Assert.Equal(0, ragged.LooseLines);
        Assert.Equal(1, ragged.RaggedLines);
        Assert.Equal(new[] { 0f, 10.5f, 21f }, Xs(DrawAll(ragged), 0)); // at its natural width
        Assert.Equal(3 * 10.5f, ragged.LineWidth(0), 2);
        Assert.False(ragged.EndsAlone);
        var tight = new TextLayout([new TextSpan("春夏秋冬东南西北上下左右")], style, 12 * 10.5f, fonts);
        Assert.Equal((0, 0), (tight.LooseLines, tight.RaggedLines));
    }

    [Fact]
    public void A_title_of_two_lines_is_balanced_not_a_full_line_and_a_character()
    {
        // Greedy, it broke as a full line and a name left over (…表态转支持 / 川普; before lone
        // characters were avoided, …转支持川 / 普).
        const string text = "美国多个州的选民在最后一周转而公开表态转支持川普";
        using var fonts = TestFonts.For(text);
        var style = Body with { FirstIndent = 0, Align = TextAlign.Left, Balance = true };
        var lines = Lines(new TextLayout([new TextSpan(text)], style, 23 * 10.5f, fonts), out _);
        Assert.Equal(2, lines.Count);
        Assert.Equal(text, string.Concat(lines));
        Assert.InRange(lines[0].Length - lines[1].Length, 0, 1);
        var greedy = Lines(new TextLayout([new TextSpan(text)], style with { Balance = false }, 23 * 10.5f, fonts), out _);
        Assert.Equal("川普", greedy[^1]); // the shape it had
        // A title that fits one line stays one line.
        Assert.Single(Lines(new TextLayout([new TextSpan("转支持川普")], style, 23 * 10.5f, fonts), out _));
    }

    [Fact]
    public void Ellipses_typed_as_dots_stay_whole_and_never_start_a_line()
    {
        const string text = "他停了一下说道那个时候我们都还年轻......。。。后来";
        using var fonts = TestFonts.For(text);
        var style = Body with { FirstIndent = 0, Align = TextAlign.Left };
        for (var width = 8 * 10.5f; width <= 20 * 10.5f; width += 10.5f / 2)
        {
            var lines = Lines(new TextLayout([new TextSpan(text)], style, width, fonts), out _);
            Assert.Equal(text, string.Concat(lines));
            Assert.DoesNotContain(lines.Skip(1), l => l.StartsWith('.') || l.StartsWith('。'));
            Assert.Contains(lines, l => l.Contains("......", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Justified_lines_fill_the_measure_and_the_last_line_is_not_stretched()
    {
        const float width = 150;
        using var fonts = TestFonts.For(Text);
        var layout = new TextLayout([new TextSpan(Text)], Body, width, fonts);
        Lines(layout, out var canvas);
        Assert.True(layout.Lines.Count > 3);
        for (var i = 0; i < layout.Lines.Count - 1; i++) Assert.Equal(width - layout.Lines[i].Indent, layout.LineWidth(i), 2);
        Assert.True(layout.LineWidth(layout.Lines.Count - 1) < width - 10.5f);
        // The last glyph of a full line ends at the right edge: its position is one em (or less) from it.
        var firstLineLast = canvas.Texts.Where(t => t.Positions[0].Y == 20).SelectMany(t => t.Positions).Max(p => p.X);
        Assert.InRange(firstLineLast, width - 10.5f - 0.6f, width - 10.5f * 0.4f);
        Assert.Equal(21f, layout.Lines[0].Indent); // 2em first-line indent
    }

    [Fact]
    public void The_text_area_is_a_whole_number_of_characters_wide_between_equal_margins_on_a_grid()
    {
        const float mm = 72f / 25.4f;
        var a5 = PageGeometry.InWholeCharacters(148 * mm, 210 * mm, 18 * mm, 18 * mm, 16 * mm, 16 * mm, 10.5f);
        Assert.Equal(31 * 10.5f, a5.ContentWidth); // 31.3 characters fit between the 16 mm margins
        Assert.Equal(a5.Inside, a5.Outside);
        Assert.InRange(a5.Inside - 16 * mm, 0, 10.5f / 2); // the margins took what was left over
        Assert.Equal(a5.Inside, MathF.Round(a5.Inside * 64) / 64);
        Assert.Equal(a5.Width, a5.Inside + a5.ContentWidth + a5.Outside, 1f / 32);
    }

    [Fact]
    public void A_line_of_Chinese_in_a_measure_of_whole_characters_takes_no_added_space_and_is_one_run()
    {
        // Characters without marks (no kinsoku, no shared blanks): every line but the last is full.
        const string hanzi = "春风又绿江南岸明月何时照我还两岸青山相对出孤帆一片日边来白日依山尽黄河入海流欲穷千里目更上一层楼";
        var text = string.Concat(Enumerable.Repeat(hanzi, 3));
        using var fonts = TestFonts.For(text);
        const float left = 47.015625f; // a margin on the 1/64 point grid
        var layout = new TextLayout([new TextSpan(text)], Body, 20 * 10.5f, fonts);
        var canvas = new RecordingCanvas();
        for (var i = 0; i < layout.Lines.Count; i++) layout.DrawLine(canvas, i, left, 20 * (i + 1));

        Assert.True(layout.Lines.Count >= 5);
        Assert.Equal(layout.Lines.Count, canvas.Texts.Count); // one run a line
        for (var i = 0; i < layout.Lines.Count - 1; i++)
        {
            var line = canvas.Texts[i];
            var start = left + layout.Lines[i].Indent;
            // Exactly one character's advance apart: Skia then writes the line as one string, not a move per glyph.
            Assert.Equal(Enumerable.Range(0, line.Positions.Length).Select(k => start + k * 10.5f), line.Positions.Select(p => p.X));
            Assert.Equal(20 * 10.5f, layout.Lines[i].Indent + line.Positions.Length * 10.5f);
        }
    }

    private static RecordingCanvas DrawAll(TextLayout layout)
    {
        var canvas = new RecordingCanvas();
        for (var i = 0; i < layout.Lines.Count; i++) layout.DrawLine(canvas, i, 0, 20 * (i + 1));
        return canvas;
    }

    private static List<float> Xs(RecordingCanvas canvas, int line) =>
        canvas.Texts.Where(t => t.Positions[0].Y == 20 * (line + 1)).SelectMany(t => t.Positions).Select(p => p.X).ToList();

    [Fact]
    public void A_middle_dot_between_chinese_characters_takes_a_full_em_centred_and_stays_u00b7()
    {
        const string text = "唐纳德·特朗普与A·B";
        using var fonts = TestFonts.For(text);
        var layout = new TextLayout([new TextSpan(text)], Body with { FirstIndent = 0, Align = TextAlign.Left }, 500, fonts);
        var canvas = DrawAll(layout);
        var xs = Xs(canvas, 0);
        Assert.Equal(0, xs[0]);
        Assert.Equal(4 * 10.5f, xs[4], 0.01f);          // 特 starts an em after the dot's em
        Assert.InRange(xs[3], 3 * 10.5f, 3.5f * 10.5f);  // the dot's glyph sits in the middle half of its em
        Assert.Contains("德·特", string.Concat(canvas.Texts.Select(t => t.Text)));
        // Between Latin letters it stays the narrow Latin dot.
        Assert.True(xs[^1] - xs[^2] < 0.5f * 10.5f, string.Join(", ", xs));
    }

    [Fact]
    public void Quotation_marks_in_Chinese_take_a_full_width_box_with_the_glyph_inside_and_stay_proportional_in_Latin()
    {
        // The bundled font draws “ ” at 0.35 em: set as they are, 是“路径依赖”， is cramped.
        const string text = "他说“路径依赖”，是“2016”年的He said “yes” too";
        using var fonts = TestFonts.For(text);
        var layout = new TextLayout([new TextSpan(text)], Body with { FirstIndent = 0, Align = TextAlign.Left }, 800, fonts);
        var canvas = DrawAll(layout);
        var xs = Xs(canvas, 0);
        const float em = 10.5f;
        Assert.Equal(0, xs[0]);
        // “ fills the em after 说 with its glyph at the right, next to 路; 路 starts the next em.
        Assert.InRange(xs[2], 2.5f * em, 2.8f * em);
        Assert.Equal(3 * em, xs[3], 0.01f);
        // ” takes the em after 赖 with its glyph at the left; with ， it shares one blank (clreq: half an em out).
        Assert.Equal(7 * em, xs[7], 0.01f);
        Assert.Equal(7.5f * em, xs[8], 0.01f);
        Assert.Equal(8.5f * em, xs[9], 0.01f); // 是
        // Around a number in a Chinese sentence they are the sentence's marks too: split off the number, boxed.
        Assert.InRange(xs[10], 10f * em, 10.4f * em);
        Assert.Equal(10.5f * em, xs[11], 0.01f); // 2016 right after its mark's box
        // In Latin text they stay the narrow marks of the word: “yes” is one proportional run.
        var drawn = canvas.Texts.Select(t => t.Text).ToList();
        Assert.Contains(drawn, t => t.Contains("“yes”", StringComparison.Ordinal));
        var yes = string.Concat(drawn).IndexOf("“yes”", StringComparison.Ordinal);
        Assert.True(xs[yes + 1] - xs[yes] < 0.5f * em, string.Join(", ", xs));
        Assert.Equal(text, string.Concat(drawn).Replace("\u00A0", " "));
    }

    [Fact]
    public void A_line_short_by_a_shared_blank_gets_the_blank_back_and_nothing_else_moves()
    {
        // 甲乙丙丁戊。「己庚辛 is 9.75 em with 。「 sharing a blank; 壬 does not fit the 10 em line.
        const string text = "甲乙丙丁戊。「己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
        using var fonts = TestFonts.For(text);
        var layout = new TextLayout([new TextSpan(text)], Body with { FirstIndent = 0 }, 10 * 10.5f, fonts);
        var xs = Xs(DrawAll(layout), 0);
        Assert.Equal(10, xs.Count);
        // The quarter em of slack is the blank the pair gave up: every character is on the em grid.
        Assert.Equal(Enumerable.Range(0, 10).Select(k => k * 10.5f), xs);
    }

    [Fact]
    public void A_line_with_Latin_takes_its_slack_at_the_spaces_around_the_Latin_and_keeps_the_Chinese_on_the_grid()
    {
        using var fonts = TestFonts.For("甲乙丙ABC丁戊己庚辛壬癸");
        var style = Body with { FirstIndent = 0 };
        var natural = new TextLayout([new TextSpan("甲乙丙ABC丁戊己")], style with { Align = TextAlign.Left }, 500, fonts).LineWidth(0);
        var width = natural + 0.4f * 10.5f; // 庚 does not fit: 0.4 em of slack, under the two quarter-em spaces' room
        var layout = new TextLayout([new TextSpan("甲乙丙ABC丁戊己庚辛壬癸")], style, width, fonts);
        var canvas = DrawAll(layout);
        // One glyph a character here: the line's characters with their positions.
        var glyphs = canvas.Texts.Where(t => t.Positions[0].Y == 20).SelectMany(t => t.Text.Zip(t.Positions, (c, p) => (c, p.X))).ToList();
        Assert.Equal("甲乙丙ABC丁戊己", string.Concat(glyphs.Select(g => g.c)));
        var chinese = glyphs.Where(g => g.c > 0x2E80).Select(g => g.X).ToList();
        Assert.Equal(6, chinese.Count);
        Assert.Equal([0, 10.5f, 21f], chinese.Take(3));
        Assert.Equal([chinese[3], chinese[3] + 10.5f, chinese[3] + 21f], chinese.Skip(3));
        Assert.Equal(width, chinese[5] + 10.5f, 3); // and the line is full
    }

    [Fact]
    public void Contents_leaders_are_one_run_an_entry_and_stand_in_columns()
    {
        using var fonts = TestFonts.For("短题一个长得多的标题12");
        var style = Body with { Align = TextAlign.Left, FirstIndent = 0 };
        var dot = new TextLayout([new TextSpan(".")], style, 500, fonts);
        var step = dot.LineWidth(0) * 2;
        const float left = 47.015625f, width = 300;
        var canvas = new RecordingCanvas();
        var y = 0f;
        foreach (var title in new[] { "短题", "一个长得多的标题" })
        {
            var entry = new TocEntryElement(new TextLayout([new TextSpan(title)], style, 200, fonts),
                new TextLayout([new TextSpan("12")], style with { Align = TextAlign.Right }, 30, fonts), dot, 30, 0, 0, title);
            y += entry.Draw(canvas, left, y, width, 100);
        }
        var leaders = canvas.Texts.Where(t => t.Text.All(c => c == '.')).ToList();
        Assert.Equal(2, leaders.Count); // one run an entry
        Assert.True(leaders[0].Positions.Length > leaders[1].Positions.Length);
        Assert.All(leaders.SelectMany(l => l.Positions), p => Assert.Equal(Math.Round((p.X - left) / step), (p.X - left) / step, 3)); // on one grid
        Assert.Equal(leaders[0].Positions[^1].X, leaders[1].Positions[^1].X, 2); // ending in the same column
    }

    [Fact]
    public void A_quarter_em_separates_Chinese_from_Latin()
    {
        using var fonts = TestFonts.For("中文ABC中文");
        var spaced = new TextLayout([new TextSpan("中文ABC中文")], Body with { Align = TextAlign.Left, FirstIndent = 0 }, 500, fonts);
        var plain = new TextLayout([new TextSpan("中文中文")], Body with { Align = TextAlign.Left, FirstIndent = 0 }, 500, fonts);
        var abc = new TextLayout([new TextSpan("ABC")], Body with { Align = TextAlign.Left, FirstIndent = 0 }, 500, fonts);
        Assert.Equal(plain.LineWidth(0) + abc.LineWidth(0) + 2 * 10.5f / 4, spaced.LineWidth(0), 2);
    }

    [Fact]
    public void Consecutive_full_width_marks_share_their_blank()
    {
        using var fonts = TestFonts.For("好。」好");
        var style = Body with { Align = TextAlign.Left, FirstIndent = 0 };
        var pair = new TextLayout([new TextSpan("好。」好")], style, 500, fonts);
        var apart = new TextLayout([new TextSpan("好。好")], style, 500, fonts);
        Assert.True(pair.LineWidth(0) < apart.LineWidth(0) + 10.5f - 1, "。」 should take less than two full ems");
    }

    private sealed class Pages : IPageSink
    {
        public List<RecordingCanvas> Canvases { get; } = [];

        public IPageCanvas BeginPage(int number)
        {
            Canvases.Add(new RecordingCanvas());
            return Canvases[^1];
        }

        public void EndPage(PageInfo page, IPageCanvas canvas) { }
    }

    private static readonly PageGeometry Page = new(300, 300, 20, 20, 20, 20); // 260 x 260 text area

    private static TextElement Paragraph(FontSet fonts, int characters, string name = "paragraph", bool keep = false)
    {
        var text = string.Concat(Enumerable.Repeat("这是一段测试用的文字内容", characters / 12 + 1))[..characters];
        return new TextElement(new TextLayout([new TextSpan(text)], Body with { FirstIndent = 0 }, 260, fonts), 0, 0, 0, name, keep);
    }

    [Fact]
    public void A_figure_that_does_not_fit_moves_to_the_next_page_with_its_caption()
    {
        using var fonts = TestFonts.For("这是一段测试用的文字内容图注");
        var caption = new TextLayout([new TextSpan("图注图注")], Body with { Align = TextAlign.Center, FirstIndent = 0 }, 260, fonts);
        var figure = new FigureElement(new ImageHandle(new EbookBuilder.Model.Assets.ImageAsset("a.png", [], "image/png", 400, 300)), 200, 150, caption, 6, "figure");
        var sink = new Pages();
        new Paginator(Page, sink, 1).Run([Paragraph(fonts, 24 * 8), figure], null); // 8 lines: about 147 pt used
        Assert.Equal(2, sink.Canvases.Count);
        Assert.Contains(sink.Canvases[1].Texts, t => t.Text == "图注图注");
        Assert.DoesNotContain(sink.Canvases[0].Texts, t => t.Text == "图注图注");
    }

    [Fact]
    public void A_split_paragraph_leaves_at_least_two_lines_on_each_page()
    {
        using var fonts = TestFonts.For("这是一段测试用的文字内容");
        var sink = new Pages();
        // 12 lines fill the page but 1 (260 / 18.375 = 14.1): a 3-line paragraph would leave one line behind.
        new Paginator(Page, sink, 1).Run([Paragraph(fonts, 24 * 12), Paragraph(fonts, 24 * 3)], null);
        var lastPage = sink.Canvases[^1].Texts.Select(t => t.Positions[0].Y).Distinct().Count();
        var firstPageLines = sink.Canvases[0].Texts.Select(t => t.Positions[0].Y).Distinct().Count();
        Assert.True(lastPage >= 2, $"{lastPage} line(s) on the last page");
        Assert.True(firstPageLines - 12 is 0 or >= 2, $"{firstPageLines - 12} line(s) of the second paragraph at the bottom of page 1");
    }

    [Theory]
    [InlineData(12)] // a 12-line paragraph, then the one-line ending: two of its lines go with the ending
    [InlineData(2)]  // after 12 lines, a 2-line paragraph too short to split: it goes whole with the ending
    public void An_article_s_one_line_ending_does_not_start_a_page_alone(int lines)
    {
        using var fonts = TestFonts.For("这是一段测试用的文字内容责任编辑");
        var ending = new TextElement(new TextLayout([new TextSpan("责任编辑")], Body with { FirstIndent = 0 }, 260, fonts), 0, 0, 0, "ending").KeepingWithPrevious();
        var sink = new Pages();
        // 14 lines fill the page (260 / 18.375 = 14.1): the ending is the 15th.
        var before = lines == 12 ? new Element[] { Paragraph(fonts, 24 * 2), Paragraph(fonts, 24 * 12) } : [Paragraph(fonts, 24 * 12), Paragraph(fonts, 24 * 2)];
        new Paginator(Page, sink, 1).Run([.. before, ending], null);
        Assert.Equal(2, sink.Canvases.Count);
        var last = sink.Canvases[1].Texts;
        Assert.Contains(last, t => t.Text == "责任编辑");
        Assert.Equal(3, last.Select(t => t.Positions[0].Y).Distinct().Count()); // two lines of the paragraph before, and the ending
        Assert.Equal(12, sink.Canvases[0].Texts.Select(t => t.Positions[0].Y).Distinct().Count());
    }

    [Fact]
    public void A_heading_is_never_left_alone_at_the_bottom_of_a_page()
    {
        using var fonts = TestFonts.For("这是一段测试用的文字内容小标题");
        var heading = new TextElement(new TextLayout([new TextSpan("小标题")], Body with { Bold = true, FirstIndent = 0, Align = TextAlign.Left }, 260, fonts), 0, 0, 0, "heading", keepWithNext: true);
        var sink = new Pages();
        new Paginator(Page, sink, 1).Run([Paragraph(fonts, 24 * 13), heading, Paragraph(fonts, 24 * 4)], null); // room for 1 more line only
        Assert.DoesNotContain(sink.Canvases[0].Texts, t => t.Text == "小标题");
        Assert.Contains(sink.Canvases[1].Texts, t => t.Text == "小标题");
    }

    [Fact]
    public void Table_cells_span_columns_and_rows_and_numbers_never_break_in_a_cell_wide_enough()
    {
        using var fonts = TestFonts.For("地区人口万面积平方公里合计北部南部说明很长的一段文字用来挤占表格的宽度");
        TableElement.Cell C(string text, int cols = 1, int rows = 1) => new([new TextSpan(text)], cols, rows);
        IReadOnlyList<IReadOnlyList<TableElement.Cell>> rows =
        [
            [C("地区", rows: 2), C("人口（万）", cols: 2), C("说明", rows: 2)],
            [C("2019"), C("2020")],
            [C("北部"), C("1,253,000"), C("1,302,500"), C("说明很长的一段文字用来挤占表格的宽度说明很长的一段文字用来挤占表格的宽度")],
            [C("南部"), C("98.5%"), C("2020-10-09"), C("说明")],
        ];
        // 300 pt: an A5 page's measure. Proportional shares would give each number column ~10 pt here.
        var table = new TableElement(rows, (spans, w) => new TextLayout(spans, Body with { FirstIndent = 0, Align = TextAlign.Left }, w, fonts), 300, 3, new Color(0x80, 0x80, 0x80), "table");
        var canvas = new RecordingCanvas();
        Assert.Equal(PlanKind.Full, table.Measure(300, 1000).Kind);
        table.Draw(canvas, 0, 0, 300, 1000);
        var ops = canvas.Texts;
        Point At(string text) => Assert.Single(ops, t => t.Text == text).Positions[0];
        // The numbers and the date stay whole on one line each.
        foreach (var token in new[] { "1,253,000", "1,302,500", "98.5%", "2020-10-09" }) At(token);
        // 人口（万） spans the 2019 and 2020 columns: it starts where 2019 starts; 地区 spans two rows: 北部 is below both.
        Assert.Equal(At("2019").X, At("人口（万）").X, 0.01f);
        Assert.True(At("2020").X > At("2019").X);
        Assert.Equal(At("地区").X, At("北部").X, 0.01f);
        Assert.True(At("北部").Y > At("2019").Y);
        Assert.Equal(At("1,253,000").X, At("2019").X, 0.01f);
        Assert.Equal(At("1,302,500").X, At("2020").X, 0.01f);
        Assert.Contains("说明", ops.Select(o => o.Text));
    }

    [Fact]
    public void A_long_table_continues_on_the_next_page_between_rows()
    {
        using var fonts = TestFonts.For("甲乙丙丁行列表格内容");
        var rows = Enumerable.Range(0, 20).Select(i => (IReadOnlyList<IReadOnlyList<TextSpan>>)
            [[new TextSpan($"甲{i}")], [new TextSpan("乙丙丁行列表格内容乙丙丁行列表格内容")]]).ToList();
        var table = new TableElement(rows, (spans, w) => new TextLayout(spans, Body with { FirstIndent = 0, Align = TextAlign.Left }, w, fonts), 260, 3, new Color(0x80, 0x80, 0x80), "table");
        var sink = new Pages();
        new Paginator(Page, sink, 1).Run([table], null);
        Assert.True(sink.Canvases.Count >= 2);
        var labels = sink.Canvases.SelectMany(c => c.Texts).Where(t => t.Text.StartsWith("甲")).Select(t => t.Text).ToList();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"甲{i}"), labels); // every row once, in order
        foreach (var page in sink.Canvases)
            Assert.All(page.Texts, t => Assert.InRange(t.Positions[0].Y, Page.Top, Page.Height - Page.Bottom));
    }

    [Fact]
    public void Content_that_cannot_fit_an_empty_page_is_an_error_naming_it()
    {
        using var fonts = TestFonts.For("图注");
        var caption = new TextLayout([new TextSpan(string.Concat(Enumerable.Repeat("图注", 2000)))], Body with { FirstIndent = 0 }, 260, fonts);
        var figure = new FigureElement(new ImageHandle(new EbookBuilder.Model.Assets.ImageAsset("a.png", [], "image/png", 400, 300)), 200, 150, caption, 6, "a figure of article 'X' (x.md)");
        var e = Assert.Throws<LayoutException>(() => new Paginator(Page, new Pages(), 1).Run([figure], null));
        Assert.Contains("article 'X' (x.md)", e.Message);
    }
    [Fact]
    public void A_token_of_200_000_characters_is_cut_into_full_lines_and_nothing_is_lost()
    {
        // Breaking it copied the rest of the token at every line (19.5 s for this one; a 6.7 MB base64
        // line never finished). How long it takes is the benchmark's (--long-token), not this test's.
        var token = string.Concat(Enumerable.Range(0, 200_000).Select(i => (char)('a' + i % 26)));
        using var fonts = TestFonts.For("abcdefghijklmnopqrstuvwxyz");
        var layout = new TextLayout([new TextSpan(token)], Body with { FirstIndent = 0, Align = TextAlign.Left }, 260, fonts);
        var lines = Lines(layout, out _);
        Assert.Equal(token, string.Concat(lines));
        var em = Body.Size;
        var loose = Enumerable.Range(0, layout.Lines.Count - 1).Where(i => layout.LineWidth(i) < 260 - em).ToList();
        Assert.True(loose.Count == 0, $"{loose.Count} of {layout.Lines.Count} lines end an em or more short, e.g. line {loose.FirstOrDefault()}: " +
            $"'{(loose.Count > 0 ? lines[loose[0]] : "")}' {(loose.Count > 0 ? layout.LineWidth(loose[0]) : 0)} pt");
    }

    [Fact]
    public void A_closing_mark_after_a_token_cut_to_the_line_hangs_in_the_margin_and_never_starts_a_line()
    {
        const string text = "见https://www.example.com/en/services/immigration-citizenship/news/2020/08/new-policy.html，而且";
        using var fonts = TestFonts.For(text);
        for (var width = 100f; width < 200; width += 0.5f)
        {
            var lines = Lines(new TextLayout([new TextSpan(text)], Body with { FirstIndent = 0 }, width, fonts), out _);
            Assert.Equal(text, string.Concat(lines));
            Assert.DoesNotContain(lines, l => l.StartsWith('，'));
        }
    }

    [Fact]
    public void A_combining_mark_is_drawn_with_its_base_and_one_no_font_has_is_not_drawn()
    {
        // The bundled font has U+0301 and lacks U+0316 (fc-query's charset); a stray U+0316 after a
        // space was drawn as a box that pdftotext read out of order, scrambling the line's copied text.
        const string text = "宜家\u0301居 \u0316 cafe\u0301";
        using var fonts = TestFonts.For(text);
        var layout = new TextLayout([new TextSpan(text)], Body with { FirstIndent = 0, Align = TextAlign.Left }, 260, fonts);
        Assert.Equal("宜家\u0301居 cafe\u0301", string.Concat(Lines(layout, out var canvas)));
        Assert.Contains(canvas.Texts, t => t.Text.Contains("家\u0301", StringComparison.Ordinal)); // one run: the mark drawn on its base
    }

    [Fact]
    public void An_Arabic_name_in_a_Chinese_sentence_is_set_right_to_left_and_the_sentence_left_to_right()
    {
        // Set in written order, pdftotext gave the name's words back reversed ("）البغدادي بكر أبو").
        const string text = "领导人巴格达迪（أبو بكر）已经";
        using var fonts = TestFonts.For(text);
        var layout = new TextLayout([new TextSpan(text)], Body with { FirstIndent = 0, Align = TextAlign.Left }, 260, fonts);
        var drawn = string.Concat(Lines(layout, out _));
        // The bundled font has no Arabic: each letter is a unit of its own, so the letters come out reversed too.
        Assert.Equal("领导人巴格达迪（" + new string("أبو بكر".Reverse().ToArray()) + "）已经", drawn);
    }
}
