using System.Text.RegularExpressions;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest.Html;

/// <summary>
/// Paragraphs at an article's start or end that are not the article but a site's promotion,
/// judged by their form, not by a list of the texts seen: a bracketed appeal whose bracket asks
/// for members, subscribers or money (【诚征会员】…, 【订阅频道】…); a bracketed "support" with a
/// donation address (【支持】… donate…); a plug for other articles
/// (点阅【…】系列文章, 延伸阅读：…); a video player's notice or channel list left without its video
/// (本视频只代表…观点, 相关影片请点击观看). Only the first two paragraphs and the end of the
/// article (back through a run of promotions, with at most three other paragraphs among them) are
/// looked at, and only short paragraphs, or a paragraph's last lines, so a sentence of the article
/// is not taken for one. Each drop is recorded with its rule (the report's <c>cleaning.dropped</c>);
/// <c>[clean] keep-lines</c> brings a false one back.
/// </summary>
internal static partial class Promotions
{
    /// <summary>A bracketed heading (at most 12 characters) that calls for members, subscribers or money: 征, 订阅, 会员, 捐, 赞助, 招募.</summary>
    [GeneratedRegex(@"^【[^【】]{0,10}(征|订阅|訂閱|会员|會員|捐|赞助|贊助|招募)[^【】]{0,10}】")]
    private static partial Regex Appeal();

    /// <summary>A bracketed "support" that asks for money: a donation plug (【支持】…, with a donation address or word).</summary>
    [GeneratedRegex(@"^【[^【】]{0,6}(支持|贊助|赞助)[^【】]{0,6}】.*(donat|paypal|捐|赞助|贊助|打赏|打賞)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Donation();

    /// <summary>A plug for other articles: "read the series", "further reading", "more on…".</summary>
    [GeneratedRegex(@"^(点阅|點閱|点击阅读|點擊閱讀|延伸阅读|延伸閱讀|相关阅读|相關閱讀|推荐阅读|推薦閱讀|更多[^，。]{0,8}(请|請)?(点击|點擊|阅读|閱讀))[：:]?|(点阅|點閱)【[^】]{1,40}】(系列|专题|專題)")]
    private static partial Regex ReadMore();

    /// <summary>A video player's notice or channel list.</summary>
    [GeneratedRegex(@"^(相关|相關)?(影片|视频|視頻)?(请|請)?(点击|點擊)(观看|觀看)|^(网络|網絡|網路)?收看方式[：:]|本(视频|視頻|影片|节目|節目)(只|仅|僅)?代表[^。]{0,20}(观点|觀點)")]
    private static partial Regex PlayerNotice();

    /// <summary>The longest paragraph taken for a promotion: an appeal runs to a few sentences; an article's paragraph that merely mentions a subscription is longer, or not at an edge.</summary>
    private const int MaxLength = 400;

    /// <summary>The body without the promotions at its edges, and what was dropped.</summary>
    public static (IReadOnlyList<Block> Body, IReadOnlyList<DroppedText> Dropped) Drop(IReadOnlyList<Block> body, CleanRules rules)
    {
        var paragraphs = body.Select((b, i) => (Block: b, Index: i)).Where(x => x.Block is Paragraph).Select(x => x.Index).ToList();
        // The edges: the first two paragraphs, and the end of the article, from the last paragraph
        // back through any run of promotions, with at most three other paragraphs among them.
        var edges = paragraphs.Take(2).ToHashSet();
        var others = 0;
        for (var k = paragraphs.Count - 1; k >= 2 && others < 4; k--)
        {
            edges.Add(paragraphs[k]);
            if (!AnyLineMatches((Paragraph)body[paragraphs[k]])) others++;
        }
        var dropped = new List<DroppedText>();
        var kept = new List<Block>(body.Count);
        for (var i = 0; i < body.Count; i++)
        {
            if (!edges.Contains(i) || body[i] is not Paragraph p)
            {
                kept.Add(body[i]);
                continue;
            }
            // A promotion may close a paragraph after a line break (a sign-off, then 【订阅频道】 and its
            // address): from its line to the paragraph's end goes; the lines before it stay.
            var lines = LineStarts(p.Content);
            var cut = -1;
            string? rule = null;
            foreach (var start in lines)
            {
                var rest = EbookBuilder.Model.Text.PlainText.Of(p.Content.Skip(start).ToList()).Trim();
                if ((rule = Rule(rest)) is not null && !rules.KeepsLine(rest))
                {
                    cut = start;
                    dropped.Add(new DroppedText(rule, rest, p.Source));
                    break;
                }
            }
            if (cut < 0) kept.Add(p);
            else if (cut > 0) kept.Add(p with { Content = p.Content.Take(cut).SkipLastWhile(x => x is LineBreak).ToList() });
        }
        return dropped.Count == 0 ? (body, []) : (kept, dropped);
    }

    /// <summary>The rule a paragraph's text matches, or null.</summary>
    internal static string? Rule(string text)
    {
        if (text.Length == 0 || text.Length > MaxLength) return null;
        if (Appeal().IsMatch(text)) return "appeal";
        if (Donation().IsMatch(text)) return "donation";
        if (text.Length <= 80 && ReadMore().IsMatch(text)) return "read-more";
        if (text.Length <= 160 && PlayerNotice().IsMatch(text)) return "player-notice";
        return null;
    }

    private static bool AnyLineMatches(Paragraph p) =>
        LineStarts(p.Content).Any(start => Rule(EbookBuilder.Model.Text.PlainText.Of(p.Content.Skip(start).ToList()).Trim()) is not null);

    /// <summary>Where each line of a paragraph starts: 0, and after each top-level line break.</summary>
    private static List<int> LineStarts(IReadOnlyList<Inline> content)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < content.Count; i++)
            if (content[i] is LineBreak && i + 1 < content.Count) starts.Add(i + 1);
        return starts;
    }
}

internal static class InlineListExtensions
{
    /// <summary>The items without those at the end that match.</summary>
    public static IEnumerable<T> SkipLastWhile<T>(this IEnumerable<T> items, Func<T, bool> predicate)
    {
        var list = items.ToList();
        var end = list.Count;
        while (end > 0 && predicate(list[end - 1])) end--;
        return list.Take(end);
    }
}
