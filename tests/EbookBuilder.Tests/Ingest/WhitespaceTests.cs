using EbookBuilder.Ingest;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Ingest;

/// <summary>The CSS Text segment-break rule: source newlines between Chinese characters are not spaces.</summary>
public sealed class WhitespaceTests
{
    private static string[] Paragraphs(string html)
    {
        var article = ArticleReader.ReadText($"<html><body>{html}</body></html>", "t.html", new DiagnosticBag());
        return article.Blocks.OfType<Paragraph>().Select(p => Plain.Of(p.Content)).ToArray();
    }

    [Fact]
    public void Newlines_around_inline_tags_between_Chinese_characters_vanish()
    {
        Assert.Equal(["时尚是一个产业。"], Paragraphs("<p>\n <a href='/tag/x'>\n  时尚\n </a>\n 是一个产业。\n</p>"));
    }

    [Fact]
    public void Newlines_next_to_Chinese_punctuation_vanish()
    {
        Assert.Equal(["他说：“好。”然后走了。"], Paragraphs("<p>他说：\n <strong>“好。”</strong>\n 然后走了。</p>"));
    }

    [Fact]
    public void Typed_spaces_between_Latin_words_stay_and_collapse()
    {
        Assert.Equal(["Hello world and more 你好 friends"], Paragraphs("<p>Hello   world\n and\n more 你好 <b>friends</b></p>"));
    }

    [Fact]
    public void A_newline_between_Chinese_and_Latin_or_digits_is_formatting_but_a_typed_space_stays()
    {
        Assert.Equal(["访问Google网站，借了52本"], Paragraphs("<p>访问\n <a href='https://google.com/x'>Google</a>\n 网站，借了\n <b>52</b>本</p>"));
        Assert.Equal(["访问 Google 网站"], Paragraphs("<p>访问 <a href='https://google.com/x'>Google</a> 网站</p>"));
    }

    [Fact]
    public void A_newline_inside_one_text_between_Chinese_and_Latin_is_a_space_as_CSS_says()
    {
        // An embed's text wrapped by its writer, not indentation around a tag: the words keep their spaces.
        Assert.Equal(["Posted by 王小明 on Facebook"], Paragraphs("<p>Posted by\n王小明\non Facebook</p>"));
        Assert.Equal(["Posted by 王小明 on Facebook"], Paragraphs("<div class='embed'><p>Posted by\r\n王小明\r\non <a href='https://www.facebook.com/x'>Facebook</a></p></div>"));
        Assert.Equal(["时尚是一个产业"], Paragraphs("<p>时尚\n是一个产业</p>")); // between two Chinese characters it is nothing
    }

    [Fact]
    public void A_typed_space_between_Chinese_characters_stays_but_leading_ideographic_indent_goes()
    {
        Assert.Equal(["目 录", "正文开始"], Paragraphs("<p>目  录</p><p>\u3000\u3000正文开始</p>"));
    }

    [Fact]
    public void Control_characters_and_nul_are_dropped()
    {
        Assert.Equal(["正文内容"], Paragraphs("<p>正文\u0001\u0000内容</p>"));
    }
}
