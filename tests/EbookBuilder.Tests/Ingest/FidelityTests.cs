using EbookBuilder.Ingest;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Ingest;

/// <summary>
/// Articles of sites the cleaner was not tuned on (issue 17): keyword links, dates, spaces by
/// full-width punctuation, Big5. Every fixture is ours, written in the shapes the archives show.
/// </summary>
public sealed class FidelityTests
{
    private static Article Read(TempFolder temp, string name, string text, out DiagnosticBag diagnostics)
    {
        diagnostics = new DiagnosticBag();
        return ArticleReader.Read(temp.Write(name, text), diagnostics)!;
    }

    private static Article Read(TempFolder temp, string name, byte[] bytes, out DiagnosticBag diagnostics, System.Text.Encoding? encoding = null)
    {
        diagnostics = new DiagnosticBag();
        var path = temp.File(name);
        File.WriteAllBytes(path, bytes);
        return ArticleReader.Read(path, diagnostics, null, encoding)!;
    }

    /// <summary>A mirror-format article: the title line, the junk navigation line, then the article's HTML.</summary>
    private static string Mirror(string title, string html, string? url = null) =>
        $"### {title}\n------------------------\n\n#### [首页](https://example.org/mirror/README.md) &nbsp;|&nbsp; [下载](https://example.org/mirror/tools.md)\n\n{html}\n"
        + (url is null ? "" : $"\n原文链接：{url}\n");

    private static List<Link> Links(Article a) =>
        a.Blocks.SelectMany(b => b switch { Paragraph p => p.Content, Figure f => f.Caption, _ => [] })
            .SelectMany(Flatten).OfType<Link>().ToList();

    private static IEnumerable<Inline> Flatten(Inline inline) => inline switch
    {
        Link l => l.Children.SelectMany(Flatten).Prepend(l),
        Strong s => s.Children.SelectMany(Flatten).Prepend(s),
        Emphasis e => e.Children.SelectMany(Flatten).Prepend(e),
        _ => [inline],
    };

    [Fact]
    public void Every_ok_keyword_link_is_plain_text_whatever_its_url()
    {
        using var temp = new TempFolder();
        var a = Read(temp, "1.md", Mirror("关键词", """
            <div><p>市议会讨论了<ok href="https://www.example.com/gb/公共交通.htm">公共交通</ok>和<ok href="https://news.example.net/2020/10/09/a1.html">预算</ok>，
            并邀请<ok href="/term/1041">市民</ok>发表意见，详见<a href="https://www.example.com/gb/20/10/9/n2.htm">会议纪要</a>。</p>
            <div class="caption"><ok href="https://www.example.com/gb/图说.htm">图说</ok>：会场一景。</div>
            <p><ok href="https://i.example.com/assets/uploads/2020/10/big.jpg"><img src="https://i.example.com/assets/uploads/2020/10/small.jpg"></ok></p></div>
            """), out _);
        var links = Links(a);
        Assert.Equal("https://www.example.com/gb/20/10/9/n2.htm", Assert.Single(links).Url);
        Assert.Contains("市议会讨论了公共交通和预算，并邀请市民发表意见，详见会议纪要。", Plain.Of(a));
        Assert.Contains(a.Blocks.OfType<Figure>(), f => f.Image?.Location == "https://i.example.com/assets/uploads/2020/10/small.jpg");
    }

    [Theory]
    [InlineData("https://www.example.com/tag/交通.html")]
    [InlineData("https://www.example.com/gb/tags/transit")]
    [InlineData("https://news.example.org/topics/budget/")]
    [InlineData("https://news.example.org/keywords/123")]
    [InlineData("https://www.example.com/search?q=交通")]
    [InlineData("https://www.example.com/news/search.php?keyword=transit")]
    [InlineData("https://www.example.com/list.php?tag=transit")]
    [InlineData("https://blog.example.com/label/transit")]
    public void Links_to_tag_topic_keyword_and_search_pages_of_any_site_are_plain_text(string url)
    {
        using var temp = new TempFolder();
        var a = Read(temp, "1.html", $"<html><body><article><h1>标签</h1><p>关于<a href=\"{url}\">交通</a>的新闻，另见<a href=\"https://www.example.com/2021/01/02/story.html\">报道</a>。</p></article></body></html>", out _);
        Assert.Equal("https://www.example.com/2021/01/02/story.html", Assert.Single(Links(a)).Url);
        Assert.Contains("关于交通的新闻，另见报道。", Plain.Of(a));
    }

    [Theory]
    [InlineData("https://www.example.com/2020/10/09/a102948960.html", 2020, 10, 9)]
    [InlineData("https://www.example.com/news/gb/2020/10/10/948754.html", 2020, 10, 10)]
    [InlineData("https://www.example.com/news/2019/1/5/story", 2019, 1, 5)]
    [InlineData("https://www.example.com/a/2021-03-07/x.html", 2021, 3, 7)]
    [InlineData("https://www.example.com/a/20210307/x.html", 2021, 3, 7)]
    [InlineData("https://www.example.com/a/20210307-x.html", 2021, 3, 7)]
    public void An_undated_article_takes_its_date_from_the_url(string url, int y, int m, int d)
    {
        using var temp = new TempFolder();
        var a = Read(temp, "1.md", Mirror("无日期", "<div><p>这篇文章的正文没有日期行。</p></div>", url), out _);
        Assert.Equal(new DateOnly(y, m, d), a.Date);
    }

    [Theory]
    [InlineData("https://www.example.com/2020/13/09/a.html")]    // no month 13
    [InlineData("https://www.example.com/1850/10/09/a.html")]    // before 1990
    [InlineData("https://www.example.com/id/20201234/a.html")]   // an id, not a date
    [InlineData("https://www.example.com/item/1020301/a.html")]
    public void Numbers_that_are_not_a_plausible_date_give_none(string url)
    {
        using var temp = new TempFolder();
        var a = Read(temp, "1.md", Mirror("无日期", "<div><p>这篇文章的正文没有日期行。</p></div>", url), out _);
        Assert.Null(a.Date);
    }

    [Theory]
    [InlineData("<meta property=\"article:published_time\" content=\"2022-05-06T08:00:00+08:00\">", "")]
    [InlineData("<meta itemprop=\"datePublished\" content=\"2022-05-06\">", "")]
    [InlineData("", "<p>发布于<time datetime=\"2022-05-06T10:20\">5月6日</time></p>")]
    public void The_date_the_markup_states_is_taken(string head, string body)
    {
        using var temp = new TempFolder();
        var a = Read(temp, "1.html", $"<html><head>{head}</head><body><article><h1>标记日期</h1>{body}<p>正文。</p></article></body></html>", out _);
        Assert.Equal(new DateOnly(2022, 5, 6), a.Date);
    }

    [Fact]
    public void Spaces_typed_beside_full_width_punctuation_are_dropped_and_others_kept()
    {
        using var temp = new TempFolder();
        var a = Read(temp, "1.html", "<html><body><article><h1>空格</h1><p>美国副总统（Kamala Harris） ，在会上说 ： “We will win.” 记者 、编辑 【完】 A · B</p></article></body></html>", out _);
        Assert.Equal("美国副总统（Kamala Harris），在会上说：“We will win.” 记者、编辑【完】A · B", Plain.Of(a.Blocks.OfType<Paragraph>().Single().Content));
    }

    [Fact]
    public void Markdown_emphasis_closed_by_Chinese_punctuation_is_emphasis_not_asterisks()
    {
        // CommonMark's flanking rules do not let ** close after ？ before 第: the asterisks were kept as text.
        using var temp = new TempFolder();
        var a = Read(temp, "1.md", "# 强调\n\n第一句。**加粗的第三句？**第四句，还有*斜体。*完。\n", out _);
        var content = a.Blocks.OfType<Paragraph>().Single().Content;
        Assert.Equal("第一句。加粗的第三句？第四句，还有斜体。完。", Plain.Of(content));
        Assert.Single(content.OfType<Strong>());
        Assert.Single(content.OfType<Emphasis>());
    }

    /// <summary>Our own traditional-Chinese text, as a Taiwanese or Hong Kong site writes it.</summary>
    private const string Traditional = "臺灣的讀者喜歡在週末閱讀長篇報導，這篇文章談到圖書館、學校與社區如何一起推廣閱讀，讓更多人養成讀書的習慣。";

    [Fact]
    public void Big5_is_detected_and_gb18030_still_is()
    {
        using var temp = new TempFolder();
        var big5 = System.Text.Encoding.GetEncoding("big5");
        var html = $"<html><head><meta charset=\"big5\"></head><body><article><h1>繁體</h1><p>{Traditional}</p></article></body></html>";
        var a = Read(temp, "big5.html", big5.GetBytes(html), out var diagnostics);
        Assert.Contains(Traditional, Plain.Of(a));
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.LegacyEncoding && d.Message.Contains("Big5", StringComparison.Ordinal));

        var simplified = "台湾的读者喜欢在周末阅读长篇报道，这篇文章谈到图书馆、学校与社区如何一起推广阅读，让更多人养成读书的习惯。";
        var gb = System.Text.Encoding.GetEncoding("GB18030");
        var b = Read(temp, "gb.html", gb.GetBytes($"<html><body><article><h1>简体</h1><p>{simplified}</p></article></body></html>"), out var gbDiagnostics);
        Assert.Contains(simplified, Plain.Of(b));
        Assert.Contains(gbDiagnostics.Items, d => d.Code == DiagnosticCodes.LegacyEncoding && d.Message.Contains("GB18030", StringComparison.Ordinal));
    }

    [Fact]
    public void A_forced_encoding_is_used_and_bytes_it_cannot_decode_are_reported_at_their_line()
    {
        using var temp = new TempFolder();
        var big5 = System.Text.Encoding.GetEncoding("big5");
        var a = Read(temp, "1.html", big5.GetBytes($"<html><body><article><h1>繁體</h1><p>{Traditional}</p></article></body></html>"), out _, big5);
        Assert.Contains(Traditional, Plain.Of(a));

        var bytes = big5.GetBytes("<html><body><article><h1>壞</h1>\n<p>第一行。</p>\n").Concat(new byte[] { 0x81, 0x30 }).Concat(big5.GetBytes("<p>後面。</p></article></body></html>")).ToArray();
        Read(temp, "2.html", bytes, out var diagnostics, big5);
        var warning = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.InvalidEncoding);
        Assert.Equal(3, warning.Where!.Value.Line);
        Assert.Contains("does not decode cleanly as big5", warning.Message);
    }

    [SkippableFact]
    public void Embedded_videos_become_figures_with_a_play_mark_a_title_and_a_link_in_both_formats()
    {
        Poppler.Require();
        using var temp = new TempFolder();
        temp.Write("pages/1.html", """
            <html><body><article><h1>视频新闻</h1>
            <p>第一段。</p>
            <iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/AbCdEfGh123?rel=0" title="市长的讲话"></iframe>
            <p>第二段。</p>
            <iframe src="https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fnews%2Fvideos%2F12345%2F&amp;show_text=0"></iframe>
            <video controls poster="https://media.example.com/poster.jpg"><source src="https://media.example.com/clip.mp4" type="video/mp4"></video>
            <div class="soh-embed"><iframe src="//player.example.org/embed/xyz789"></iframe></div>
            <iframe src="https://ads.example.net/pagead/frame.html"></iframe>
            <iframe src="https://www.example.com/comments/widget.html"></iframe>
            <p>第三段。</p>
            </article></body></html>
            """);
        var report = temp.File("out/r.json");
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("pages"), "--title", "视频", "-o", temp.File("out"), "-f", "all", "--no-images", "--report", report);
        Assert.True(code == 0, stderr);
        Assert.Equal(4, System.Text.Json.JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("videos").GetInt32());
        var page = new EpubContents(temp.File("out/视频.epub")).Article(0, 0);
        Assert.Contains("href=\"https://www.youtube.com/watch?v=AbCdEfGh123\"", page);
        Assert.Contains("视频：市长的讲话", page);
        Assert.Contains("href=\"https://www.facebook.com/news/videos/12345/\"", page);
        Assert.Contains("href=\"https://media.example.com/clip.mp4\"", page);
        Assert.Contains("href=\"https://player.example.org/embed/xyz789\"", page);
        Assert.DoesNotContain("ads.example.net", page);
        Assert.DoesNotContain("comments/widget", page);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(page, "\u25B6").Count);
        // In reading order, between the paragraphs.
        Assert.True(page.IndexOf("第一段", StringComparison.Ordinal) < page.IndexOf("市长的讲话", StringComparison.Ordinal)
            && page.IndexOf("市长的讲话", StringComparison.Ordinal) < page.IndexOf("第二段", StringComparison.Ordinal));
        var pdf = Poppler.Run("qpdf", "--qdf", "--object-streams=disable", temp.File("out/视频.pdf"), "-");
        Assert.Contains("/URI (https://www.youtube.com/watch?v=AbCdEfGh123)", pdf);
        Assert.Contains("视频：市长的讲话", Poppler.Run("pdftotext", temp.File("out/视频.pdf"), "-"));
    }

    [SkippableFact]
    public void Table_spans_are_kept_in_the_epub_and_pass_epubcheck()
    {
        using var temp = new TempFolder();
        temp.Write("pages/1.html", """
            <html><body><article><h1>表格</h1><p>各地区人口如下。</p>
            <table><tr><th rowspan="2">地区</th><th colspan="2">人口（万）</th></tr>
            <tr><th>2019</th><th>2020</th></tr>
            <tr><td>北部</td><td>1,253</td><td rowspan="9">1,302</td></tr>
            <tr><td>南部</td><td colspan="x">98</td></tr></table>
            </article></body></html>
            """);
        var diagnostics = new DiagnosticBag();
        var article = ArticleReader.Read(temp.File("pages/1.html"), diagnostics)!;
        var table = Assert.Single(article.Blocks.OfType<Table>());
        Assert.Equal([(1, 2), (2, 1)], table.Rows[0].Cells.Select(c => (c.ColSpan, c.RowSpan)));
        Assert.Equal(2, table.Rows[2].Cells[2].RowSpan); // 9 rows asked, 2 left
        Assert.Equal(1, table.Rows[3].Cells[1].ColSpan); // not a number
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("pages"), "--title", "表格", "-o", temp.File("out"), "-f", "all", "--no-images");
        Assert.True(code == 0, stderr);
        var page = new EpubContents(temp.File("out/表格.epub")).Article(0, 0);
        Assert.Contains("<th rowspan=\"2\">地区</th>", page);
        Assert.Contains("<th colspan=\"2\">人口（万）</th>", page);
        Assert.Contains("<td rowspan=\"2\">1,302</td>", page);
        EpubCheck.AssertValid(temp.File("out/表格.epub"));
    }

    [Fact]
    public void Promotions_at_an_article_s_edges_are_dropped_by_their_form_counted_and_brought_back_by_keep_lines()
    {
        using var temp = new TempFolder();
        temp.Write("book/pages/1.md", Mirror("推广", """
            <div><p>荣誉会员招募中：<a href="https://www.example.org/join.html">https://www.example.org/join.html</a></p>
            <p>【本报讯】市图书馆今天重新开放，馆长说，新馆有三层阅览室。</p>
            <p>【关注民生】记者走访了附近的三个社区，居民都说方便了。</p>
            <p>馆长还说，欢迎市民订阅图书馆的通讯，了解新书信息。</p>
            <p>点阅【城市记忆】系列文章。</p>
            <p>相关影片请点击观看</p>
            <p>作者签名<br/>喜欢我的节目请点赞<br/>【订阅频道】<br/><a href="https://video.example.com/channel/abc">https://video.example.com/channel/abc</a></p>
            <p>【支持我们】独立媒体需要您的支持 https://donate.example.org</p>
            <p>【诚征会员】涓涓细流汇成江河，我们诚邀读者成为会员，每位会员都是我们前进的动力。</p></div>
            """));
        var toml = temp.Write("book/book.toml", "[book]\ntitle = \"书\"\n\n[output]\nreport = \"dist/r.json\"\n\n[[chapter]]\nsources = [\"pages\"]\n");
        var (code, _, stderr) = CliRun.Invoke("build", toml, "-f", "epub", "--no-images");
        Assert.True(code == 0, stderr);
        var text = string.Concat(new EpubContents(temp.File("book/dist/书.epub")).Article(0, 0));
        foreach (var kept in new[] { "市图书馆今天重新开放", "【关注民生】记者走访", "欢迎市民订阅图书馆的通讯", "作者签名", "喜欢我的节目请点赞" })
            Assert.Contains(kept, text);
        foreach (var gone in new[] { "荣誉会员招募中", "join.html", "点阅【城市记忆】", "相关影片请点击观看", "【订阅频道】", "channel/abc", "【支持我们】", "donate.example.org", "【诚征会员】" })
            Assert.DoesNotContain(gone, text);
        var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.File("book/dist/r.json"))).RootElement.GetProperty("cleaning").GetProperty("dropped");
        var rules = report.EnumerateArray().ToDictionary(e => e.GetProperty("rule").GetString()!, e => e.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["appeal"] = 3, ["donation"] = 1, ["player-notice"] = 1, ["read-more"] = 1 }, rules);

        // keep-lines brings one back.
        File.WriteAllText(toml, File.ReadAllText(toml) + "\n[clean]\nkeep-lines = [\"^点阅\"]\n");
        (code, _, stderr) = CliRun.Invoke("build", toml, "-f", "epub", "--no-images");
        Assert.True(code == 0, stderr);
        Assert.Contains("点阅【城市记忆】系列文章。", new EpubContents(temp.File("book/dist/书.epub")).Article(0, 0));
    }

    [Fact]
    public void Text_repeated_at_the_edges_of_most_of_a_site_s_articles_is_dropped_credits_and_short_lines_are_not()
    {
        using var temp = new TempFolder();
        const string notice = "以上内容由本台新闻中心综合整理，仅供读者参考之用。";
        string[] topics = ["河道清淤", "夜市开张", "公交改线", "校舍翻新", "菜价回落"];
        for (var i = 0; i < topics.Length; i++)
        {
            // Four of five end with the site's notice; the fifth has it mid-article, where it is the article's.
            // Two of them as its own paragraph, two as the last line of the last paragraph.
            var ending = i < 2 ? $"<p>{notice}</p>" : i < 4 ? $"<p>（本台十月{i}日播出）<br/>{notice}</p>" : "";
            var middle = i == 4 ? $"<p>{notice}</p>" : "";
            temp.Write($"book/pages/{i}.md", Mirror(topics[i], $"""
                <div><p>附：本集节目的视频下载链接：<a href="https://media.example.com/{i}/720p.mp4">720p</a></p>
                <p>本台消息，{topics[i]}的工作本周开始，市民反应热烈。</p>
                <p>第二段说明了{topics[i]}的详细安排和时间表。</p>{middle}
                <p>第三段是{topics[i]}相关部门负责人的表态和承诺。</p>
                <p>（本台记者王小明、张丽华北京报道 责编：李华 网编：赵强）</p><p>（完）</p>{ending}</div>
                """, $"https://news.example.com/2020/10/0{i + 1}/{i}.html"));
        }
        // Another site's two articles end with the same words: too few to be that site's habit.
        for (var i = 0; i < 2; i++)
            temp.Write($"book/other/{i}.md", Mirror($"外站{i}", $"<div><p>外站第{i}篇报道的正文，说的是另一件事。</p><p>{notice}</p></div>", $"https://other.example.org/a/{i}.html"));
        var toml = temp.Write("book/book.toml", "[book]\ntitle = \"书\"\n\n[output]\nreport = \"dist/r.json\"\n\n[[chapter]]\nsources = [\"pages\", \"other\"]\n");
        var (code, _, stderr) = CliRun.Invoke("build", toml, "-f", "epub", "--no-images");
        Assert.True(code == 0, stderr);
        var epub = new EpubContents(temp.File("book/dist/书.epub"));
        for (var i = 0; i < 7; i++)
        {
            var page = epub.Article(0, i);
            Assert.Equal(i is 4 or 5 or 6, page.Contains(notice, StringComparison.Ordinal));
            if (i >= 5) continue;
            Assert.Contains("本台记者王小明、张丽华北京报道 责编：李华 网编：赵强", page);
            Assert.Contains("（完）", page);
            if (i is 2 or 3) Assert.Contains($"（本台十月{i}日播出）</p>", page);
            Assert.Contains("附：本集节目的视频下载链接：", page); // the same words, but other links: each article's own
        }
        var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.File("book/dist/r.json"))).RootElement.GetProperty("cleaning").GetProperty("dropped");
        var repeated = Assert.Single(report.EnumerateArray(), e => e.GetProperty("rule").GetString() == "repeated");
        Assert.Equal(4, repeated.GetProperty("count").GetInt32());
        Assert.Equal(notice, repeated.GetProperty("example").GetString());
        // Each drop is a note with its file, for review.
        var notes = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.File("book/dist/r.json"))).RootElement.GetProperty("notes").EnumerateArray()
            .Where(n => n.GetProperty("code").GetString() == "EB017").ToList();
        Assert.Equal(4, notes.Count);
        Assert.All(notes, n => Assert.StartsWith($"dropped as repeated: \"{notice}\"", n.GetProperty("message").GetString()));
        Assert.Equal(4, notes.Select(n => n.GetProperty("file").GetString()).Distinct().Count());

        File.WriteAllText(toml, File.ReadAllText(toml) + "\n[clean]\nkeep-lines = [\"^以上内容\"]\n");
        (code, _, stderr) = CliRun.Invoke("build", toml, "-f", "epub", "--no-images");
        Assert.True(code == 0, stderr);
        Assert.Contains(notice, new EpubContents(temp.File("book/dist/书.epub")).Article(0, 0));
    }

    [Fact]
    public void A_channel_list_a_watch_prompt_without_its_video_and_a_rights_notice_are_dropped_an_attribution_is_kept()
    {
        using var temp = new TempFolder();
        var article = Read(temp, "1.md", Mirror("直播", """
            <div><p>今天的节目谈到了城市交通的改善，嘉宾给出了三点建议。</p>
            <p>完整节目请点击观看以下《周末访谈》。</p>
            <p>第一点建议是增加夜间公交班次，方便晚归的市民。</p>
            <p>完整采访请点击观看：</p>
            <iframe src="https://www.youtube.com/embed/AbCdEfGh123" title="周末访谈"></iframe>
            <p>第二点建议是改善自行车道，让骑车的人更安全。</p>
            <p>（本文经作者授权转载自《城市周报》）</p>
            <p>版权所有©2019 城市周报，经城市周报许可再版。</p>
            <h4>网络收看方式：</h4>
            <p>本台新闻网：<a href="https://news.example.com/live">https://news.example.com/live</a><br/>
            本台视频直播：https://video.example.com/c/news<br/>本台社交网站直播：social.example.com/news.live</p>
            <p>了解更多本地要闻，请点击<a href="https://news.example.com/">news.example.com</a></p>
            <p>本台记者王小明<br/>（本台版权所有，未经书面许可，不得转载，违者必究）</p></div>
            """), out _);
        var text = string.Join("\n", article.Blocks.Select(b => b switch
        {
            Paragraph p => EbookBuilder.Model.Text.PlainText.Of(p.Content),
            Heading h => EbookBuilder.Model.Text.PlainText.Of(h.Content),
            Figure f => "[figure]",
            _ => "",
        }));
        Assert.Equal("""
            今天的节目谈到了城市交通的改善，嘉宾给出了三点建议。
            第一点建议是增加夜间公交班次，方便晚归的市民。
            完整采访请点击观看：
            [figure]
            第二点建议是改善自行车道，让骑车的人更安全。
            （本文经作者授权转载自《城市周报》）
            版权所有©2019 城市周报，经城市周报许可再版。
            本台记者王小明
            """, text);
        Assert.Equal(["player-notice", "channel-list", "read-more", "rights-notice"], article.Dropped.Select(d => d.Rule).Distinct());
    }

    /// <summary>Cantonese written in Hong Kong: 哋, 喺, 咗, 冇, 㗎 are in Big5-HKSCS, not in Big5 (the bytes made by glibc's iconv).</summary>
    private const string Cantonese = "香港人講廣東話，佢哋話「我哋喺度食咗飯」，冇問題㗎。粵語字如嘅、咗、冇、喺、㗎都係香港增補字符集入面嘅字。";

    private const string CantoneseHkscs = "adbbb4e4a448c1bfbc73aa46b8dca141ca5c925db8dca175a7da925d9df6abd7adb99df7b6baa176a141c94eb0ddc3449deea143b866bb79a672a6709defa1429df7a142c94ea1429df6a1429deeb3a3ab59adbbb4e4bc57b8c9a672b2c5b6b0a44aadb19defa672a143";

    [Fact]
    public void Big5_HKSCS_is_detected_and_can_be_named()
    {
        using var temp = new TempFolder();
        var bytes = "<html><body><article><h1>HK</h1><p>"u8.ToArray().Concat(Convert.FromHexString(CantoneseHkscs)).Concat("</p></article></body></html>"u8.ToArray()).ToArray();
        var a = Read(temp, "hk.html", bytes, out var diagnostics);
        Assert.Equal(Cantonese, EbookBuilder.Model.Text.PlainText.Of(a.Blocks).Trim());
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.LegacyEncoding && d.Message.Contains("Big5-HKSCS", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity != Severity.Info);

        var named = ArticleReader.EncodingNamed("big5-hkscs");
        Assert.NotNull(named);
        var b = Read(temp, "hk2.html", bytes, out diagnostics, named);
        Assert.Equal(Cantonese, EbookBuilder.Model.Text.PlainText.Of(b.Blocks).Trim());
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity != Severity.Info);

        // Damaged bytes under a named HKSCS: a warning at the line, the rest read.
        var damaged = bytes.Take(35).Concat(new byte[] { 0x0A, 0xFF, 0xFF }).Concat(bytes.Skip(35)).ToArray();
        Read(temp, "hk3.html", damaged, out diagnostics, named);
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.InvalidEncoding && d.Where?.Line == 2);
    }
}
