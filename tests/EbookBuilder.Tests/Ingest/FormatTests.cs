using System.Text;
using EbookBuilder.Ingest;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Ingest;

/// <summary>Plain Markdown, whole HTML pages, and the text encodings of Chinese archives.</summary>
public sealed class FormatTests
{
    [Fact]
    public void Markdown_article_takes_its_title_from_the_first_heading()
    {
        using var temp = new TempFolder();
        var path = temp.Write("note.md", "# 周末随笔\n\n第一段，*强调*的话。\n\n- 甲\n- 乙\n\n> 引用的一句话。\n");
        var a = ArticleReader.Read(path, new DiagnosticBag())!;
        Assert.Equal("周末随笔", a.Title);
        var paragraph = Assert.IsType<Paragraph>(a.Blocks[0]);
        Assert.Equal("第一段，强调的话。", Plain.Of(paragraph.Content));
        Assert.Contains(paragraph.Content, i => i is Emphasis);
        var list = Assert.IsType<ListBlock>(a.Blocks[1]);
        Assert.Equal(2, list.Items.Count);
        Assert.IsType<Quote>(a.Blocks[2]);
    }

    [Fact]
    public void Html_page_keeps_the_article_and_drops_navigation_and_footer()
    {
        using var temp = new TempFolder();
        var path = temp.Write("page.html",
            "<html><head><title>网站 - 标题</title><script>x()</script></head><body><nav>菜单</nav>" +
            "<article><h1>真正的标题</h1><p>正文第一段。</p><div class='share-buttons'>分享到</div><p>正文第二段。</p></article>" +
            "<footer>版权所有</footer></body></html>");
        var a = ArticleReader.Read(path, new DiagnosticBag())!;
        Assert.Equal("真正的标题", a.Title);
        Assert.Equal("正文第一段。\n正文第二段。", Plain.Of(a));
    }

    [Fact]
    public void Gb18030_file_is_detected_and_decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var temp = new TempFolder();
        var source = File.ReadAllText(TestPaths.Fixture("articles", "soh.md"));
        var path = temp.File("gbk.md");
        File.WriteAllBytes(path, Encoding.GetEncoding("GB18030").GetBytes(source));
        var diagnostics = new DiagnosticBag();
        var a = ArticleReader.Read(path, diagnostics)!;
        Assert.Equal("山区学校开通网络课堂", a.Title);
        Assert.Contains("校长表示", Plain.Of(a));
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.LegacyEncoding);
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == DiagnosticCodes.InvalidEncoding);
    }

    [Fact]
    public void Utf8_with_bom_is_read()
    {
        using var temp = new TempFolder();
        var path = temp.File("bom.md");
        File.WriteAllBytes(path, [.. "\uFEFF"u8.ToArray(), .. File.ReadAllBytes(TestPaths.Fixture("articles", "soh.md"))]);
        Assert.Equal("山区学校开通网络课堂", ArticleReader.Read(path, new DiagnosticBag())!.Title);
    }

    [Fact]
    public void Invalid_utf8_bytes_are_reported_with_file_and_line()
    {
        using var temp = new TempFolder();
        var path = temp.File("broken.md");
        var bytes = File.ReadAllBytes(TestPaths.Fixture("articles", "soh.md")).ToList();
        var thirdLine = bytes.Select((b, i) => (b, i)).Where(x => x.b == (byte)'\n').Skip(1).First().i + 1;
        bytes.Insert(thirdLine, 0xFF);
        File.WriteAllBytes(path, bytes.ToArray());
        var diagnostics = new DiagnosticBag();
        var a = ArticleReader.Read(path, diagnostics)!;
        Assert.Equal("山区学校开通网络课堂", a.Title);
        var warning = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.InvalidEncoding);
        Assert.Equal(new SourceSpan(path, 3), warning.Where);
    }

    [Fact]
    public void Markup_that_takes_too_long_to_parse_leaves_the_article_out_with_a_warning()
    {
        using var temp = new TempFolder();
        // A flat but long document against a budget of a millisecond: the budget is what stops it.
        var path = temp.Write("hostile.html", "<html><body>" + string.Concat(Enumerable.Repeat("<p>文字</p>", 100_000)) + "</body></html>");
        using (EbookBuilder.Ingest.Formats.HtmlParsing.WithBudget(TimeSpan.FromMilliseconds(1)))
        {
            var diagnostics = new DiagnosticBag();
            Assert.Null(ArticleReader.Read(path, diagnostics));
            var warning = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.ParseTimeout);
            Assert.Equal(path, warning.Where!.Value.File);
        }
    }

    [Fact]
    public void Deeply_nested_markup_is_flattened_not_a_crash()
    {
        var html = string.Concat(Enumerable.Repeat("<div><span>", 5000)) + "深处的文字" + string.Concat(Enumerable.Repeat("</span></div>", 5000));
        var diagnostics = new DiagnosticBag();
        var a = ArticleReader.ReadText($"<html><body><p>开头。</p>{html}</body></html>", "deep.html", diagnostics);
        Assert.Contains("深处的文字", Plain.Of(a));
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.DeepNesting);
    }

    public static TheoryData<string, string> HundredThousandDeep() => new()
    {
        { "divs.html", "<h1>深</h1><p>开头。</p>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>深处的文字</p>" + string.Concat(Enumerable.Repeat("</div>", 100_000)) },
        { "unclosed.html", "<h1>深</h1><p>开头。</p>" + string.Concat(Enumerable.Repeat("<span><b>", 50_000)) + "<p>深处的文字</p>" },
        { "mirror.md", "### 深\n\n[首页](http://example.com/)\n\n<p>开头。</p>" + string.Concat(Enumerable.Repeat("<blockquote>", 100_000)) + "<p>深处的文字</p>" },
        { "quotes.md", "# 深\n\n开头。\n\n" + string.Concat(Enumerable.Repeat("> ", 100_000)) + "深处的文字\n" },
    };

    [Theory]
    [MemberData(nameof(HundredThousandDeep))]
    public void Markup_nested_a_hundred_thousand_deep_is_read_as_plain_text_with_a_warning(string name, string text)
    {
        // Parsed as a tree, this took the whole 20-second budget (HTML) or crashed (Markdig's depth
        // limit). The bound below only guards against a hang; speed is the benchmark's business.
        using var temp = new TempFolder();
        var path = temp.Write(name, text);
        var diagnostics = new DiagnosticBag();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var a = ArticleReader.Read(path, diagnostics);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{clock.Elapsed.TotalSeconds:0.0} s");
        Assert.NotNull(a);
        Assert.Equal("深", a.Title);
        Assert.Contains("开头。", Plain.Of(a));
        Assert.Contains("深处的文字", Plain.Of(a));
        var warning = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.DeepNesting);
        Assert.Equal(path, warning.Where!.Value.File);
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == DiagnosticCodes.ParseTimeout);
    }

    [Fact]
    public void Ordinary_nesting_is_parsed_as_a_tree()
    {
        // Many tags but shallow (a long list of short paragraphs): no tokenizer verdict, the formatting stays.
        var html = "<html><body><h1>浅</h1>" + string.Concat(Enumerable.Range(0, 2_000).Select(i => $"<p>第{i}段<b>粗体</b></p>")) + "</body></html>";
        var diagnostics = new DiagnosticBag();
        var a = ArticleReader.ReadText(html, "shallow.html", diagnostics);
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == DiagnosticCodes.DeepNesting);
        Assert.Equal(2_000, a.Blocks.OfType<Paragraph>().Count());
        Assert.All(a.Blocks.OfType<Paragraph>(), p => Assert.Contains(p.Content, i => i is Strong));
    }
}
