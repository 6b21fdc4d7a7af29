using EbookBuilder.Ingest;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Text;

namespace EbookBuilder.Tests.Ingest;

/// <summary>A book file's [clean] rules: selectors to remove, selectors to keep only, boilerplate line patterns.</summary>
public sealed class CleanRulesTests
{
    private const string Page = """
        <html><body>
        <div class="nav">首页 | 新闻 | 关于</div>
        <div class="story"><h1>标题</h1><p>第一段正文。</p><div class="box-a">赞助商广告</div><p>成为荣誉会员，支持我们。</p><p>第二段正文。</p></div>
        <div class="footer">联系本站</div>
        </body></html>
        """;

    private static string Body(CleanRules rules) =>
        PlainText.Of(ArticleReader.ReadText(Page, "a.html", new DiagnosticBag(), rules).Blocks);

    private static CleanRules Rules(string[] remove, string[] keep, string[] drop)
    {
        var (rules, errors) = CleanRules.Create(remove, keep, drop);
        Assert.Empty(errors);
        return rules!;
    }

    [Fact]
    public void Without_rules_everything_of_the_page_is_text()
    {
        var body = Body(CleanRules.None);
        Assert.Contains("首页", body);
        Assert.Contains("赞助商广告", body);
        Assert.Contains("成为荣誉会员", body);
    }

    [Fact]
    public void Remove_drops_the_matching_elements_only()
    {
        var body = Body(Rules([".box-a", ".nav"], [], []));
        Assert.DoesNotContain("赞助商广告", body);
        Assert.DoesNotContain("首页", body);
        Assert.Contains("第一段正文。", body);
        Assert.Contains("联系本站", body);
    }

    [Fact]
    public void Keep_keeps_only_the_matching_elements_when_one_is_there()
    {
        var body = Body(Rules([], [".story"], []));
        Assert.DoesNotContain("首页", body);
        Assert.DoesNotContain("联系本站", body);
        Assert.Contains("第二段正文。", body);
        Assert.Contains("首页", Body(Rules([], [".no-such-thing"], []))); // nothing matches: the page is kept whole
    }

    [Fact]
    public void Drop_lines_removes_whole_matching_paragraphs_not_parts_of_others()
    {
        var body = Body(Rules([], [], ["成为荣誉会员.*", "正文"]));
        Assert.DoesNotContain("成为荣誉会员", body);
        Assert.Contains("第一段正文。", body); // "正文" matches only part of it
    }

    [Fact]
    public void Invalid_selectors_and_patterns_are_named()
    {
        var (rules, errors) = CleanRules.Create(["div[["], [], ["(unclosed"]);
        Assert.Null(rules);
        Assert.Contains(errors, e => e.Contains("'div[['", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'(unclosed'", StringComparison.Ordinal));
    }
}
