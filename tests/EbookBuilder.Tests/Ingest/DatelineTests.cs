using EbookBuilder.Ingest;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Ingest;

public sealed class DatelineTests
{
    [Theory]
    [InlineData("【大纪元2022年02月04日讯】周五上午，", "大纪元", 2022, 2, 4, "周五上午，")]
    [InlineData("【新唐人北京时间2020年09月26日讯】据报道，", "新唐人", 2020, 9, 26, "据报道，")]
    [InlineData("【希望之声2020年9月20日】（本台记者综合报导）", "希望之声", 2020, 9, 20, "（本台记者综合报导）")]
    [InlineData("【看中国2020年8月17日讯】这座桥", "看中国", 2020, 8, 17, "这座桥")]
    [InlineData("【希望之聲2020年6月9日】報導", "希望之聲", 2020, 6, 9, "報導")]
    public void Dateline_gives_publisher_and_date_and_leaves_the_body(string text, string publisher, int y, int m, int d, string rest)
    {
        var article = ArticleReader.ReadText($"<html><body><p>{text}正文。</p><p>第二段。</p></body></html>", "a.html", new DiagnosticBag());
        Assert.Equal(publisher, article.Publisher);
        Assert.Equal(new DateOnly(y, m, d), article.Date);
        Assert.Equal(rest + "正文。", Plain.Of(((Paragraph)article.Blocks[0]).Content));
    }

    [Fact]
    public void A_dateline_alone_in_its_paragraph_takes_the_paragraph_with_it()
    {
        var article = ArticleReader.ReadText("<html><body><p>【大纪元2020年05月24日讯】</p><p>诗的第一行，</p></body></html>", "a.html", new DiagnosticBag());
        Assert.Equal(["诗的第一行，"], article.Blocks.Select(Plain.Of));
    }

    [Fact]
    public void An_impossible_date_is_not_a_dateline()
    {
        var article = ArticleReader.ReadText("<html><body><p>【大纪元2020年13月45日讯】文字</p></body></html>", "a.html", new DiagnosticBag());
        Assert.Null(article.Date);
        Assert.Contains("2020年13月45日", Plain.Of(article));
    }
}
