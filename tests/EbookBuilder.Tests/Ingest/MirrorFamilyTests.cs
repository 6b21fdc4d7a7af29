using EbookBuilder.Ingest;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Ingest;

/// <summary>Spec-style cases, one per news family of the mirror format, on fixtures we wrote.</summary>
public sealed class MirrorFamilyTests
{
    private static Article Read(string name, out DiagnosticBag diagnostics)
    {
        diagnostics = new DiagnosticBag();
        return ArticleReader.Read(TestPaths.Fixture("articles", name), diagnostics)!;
    }

    private static string[] Paragraphs(Article a) => a.Blocks.OfType<Paragraph>().Select(p => Plain.Of(p.Content)).ToArray();

    private static string[] Captions(Article a) => a.Blocks.OfType<Figure>().Select(f => Plain.Of(f.Caption)).ToArray();

    private static void AssertNoJunk(Article article)
    {
        var text = Plain.Of(article);
        foreach (var junk in new[] { "首页", "下载工具", "推广", "代理", "手机上长按", "原文地址", "原文链接", "热榜", "tracker", ".md", "---", "tracking", "adsbygoogle" })
        {
            Assert.DoesNotContain(junk, text);
        }
        Assert.DoesNotContain(article.Blocks.OfType<Figure>(), f => f.Image?.Location.Contains(".md", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Epoch_times_article_keeps_text_moves_dateline_and_captions_and_drops_junk()
    {
        var a = Read("epoch.md", out var diagnostics);
        Assert.Equal("小镇图书馆迎来百岁读者", a.Title);
        Assert.Equal(new DateOnly(2021, 3, 5), a.Date);
        Assert.Equal("大纪元", a.Publisher);
        Assert.Equal("https://www.epochtimes.com/gb/21/3/5/n1.htm", a.SourceUrl);
        Assert.Equal(["百岁读者在阅览室翻阅旧报纸。(示例通讯社)", "阅览室一角。（示例图片）"], Captions(a));
        Assert.Equal("https://images.example.com/uploads/2021/03/library-reader.jpg", a.Blocks.OfType<Figure>().First().Image!.Location);
        Assert.Equal(
        [
            "（本报记者林木综合报导）一位刚满百岁的老人每周都到图书馆借书，馆员说她是最守时的读者。",
            "老人说，她年轻时在纺织厂工作，下班后最大的乐趣就是读书。",
            "馆员统计，她去年一共借了52本书，其中一半是历史书（History books）。",
            "她还说：“读书让人不老。”",
            "责任编辑：王一",
        ], Paragraphs(a));
        var heading = Assert.Single(a.Blocks.OfType<Heading>());
        Assert.Equal((1, "借阅记录"), (heading.Level, Plain.Of(heading.Content)));
        // The tag page link becomes text; the link to a real page stays; strong stays strong.
        var links = a.Blocks.OfType<Paragraph>().SelectMany(p => p.Content).OfType<Link>().ToList();
        Assert.Equal("https://example.net/stats/2020", Assert.Single(links).Url);
        Assert.Contains(a.Blocks.OfType<Paragraph>().ElementAt(1).Content, i => i is Strong s && Plain.Of(s.Children) == "下班后");
        Assert.DoesNotContain(a.Blocks, b => b is Rule); // the page's separators are not the article's
        AssertNoJunk(a);
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity != Severity.Info);
    }

    [Fact]
    public void Sound_of_hope_article_takes_figcaption_and_meta_dateline()
    {
        var a = Read("soh.md", out _);
        Assert.Equal(new DateOnly(2020, 6, 9), a.Date);
        Assert.Equal("希望之声", a.Publisher);
        Assert.Equal("https://www.soundofhope.org/post/1001", a.SourceUrl);
        Assert.Equal(["山区小学的孩子们第一次通过网络上课。（示例摄影）"], Captions(a));
        Assert.Equal(
        [
            "（本台记者周末综合报导）一所山区小学本月开通了网络课堂，学生可以和城里的老师同步上课。",
            "校长表示，网络课堂解决了英语和音乐老师不足的问题。",
            "责任编辑：李二",
        ], Paragraphs(a));
        Assert.Empty(a.Blocks.OfType<Paragraph>().SelectMany(p => p.Content).OfType<Link>());
        AssertNoJunk(a);
    }

    [Fact]
    public void SecretChina_article_takes_the_text_after_the_image_in_a_centred_paragraph_as_caption()
    {
        var a = Read("secretchina.md", out _);
        Assert.Equal("古桥修缮完工 村民重走石板路(图)", a.Title);
        Assert.Equal(new DateOnly(2020, 8, 17), a.Date);
        Assert.Equal("看中国", a.Publisher);
        Assert.Equal(["修缮后的古桥。（图片来源：示例网）"], Captions(a));
        Assert.Equal(
        [
            "这座古桥建于清代，去年因暴雨受损，今年春天开始修缮。",
            "村里的老人说，小时候每天都要从桥上走过，去对岸的集市赶集。",
        ], Paragraphs(a));
        Assert.Empty(a.Blocks.OfType<Paragraph>().SelectMany(p => p.Content).OfType<Link>()); // tag page and bare site link
        AssertNoJunk(a);
    }

    [Fact]
    public void Rfa_article_takes_header_and_inline_captions_and_splits_paragraphs_at_double_breaks()
    {
        var a = Read("rfa.md", out _);
        Assert.Equal(new DateOnly(2020, 10, 7), a.Date); // from the URL's stamp
        Assert.Equal("自由亚洲电台", a.Publisher);
        Assert.Equal(["夜市里的小吃摊（示例社）", "2020年10月6日，夜市里排队的游客。（示例社）"], Captions(a));
        Assert.Equal(
        [
            "入夜以后，海边的夜市比白天还要热闹。摊主们支起帐篷，卖烤鱼、炒粉和甜汤。",
            "一位摊主告诉记者，疫情以后生意慢慢恢复了。",
            "他说，最忙的时候一晚上要烤三百条鱼。",
            "（文章只代表特约评论员个人的立场和观点）",
        ], Paragraphs(a));
        AssertNoJunk(a);
    }

    [Fact]
    public void Older_mirror_layout_with_source_link_line_is_read()
    {
        var a = Read("seed.md", out _);
        Assert.Equal("春季花展今日开幕", a.Title);
        Assert.Equal(new DateOnly(2022, 2, 4), a.Date);
        Assert.Equal("https://www.epochtimes.com/gb/22/2/4/n1.htm", a.SourceUrl);
        Assert.Equal(["花展入口的郁金香花坛。(示例图片社)"], Captions(a));
        Assert.Equal(["今年的春季花展共展出一百多个品种，花展将持续两周。", "责任编辑：赵三#"], Paragraphs(a));
        AssertNoJunk(a);
    }
}
