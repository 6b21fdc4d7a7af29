using System.Text.RegularExpressions;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest.Html;

/// <summary>
/// Paragraphs at an article's start or end that are not the article but a site's promotion,
/// judged by their form, not by a list of the texts seen: a bracketed appeal whose bracket asks
/// for members, subscribers or money (【诚征会员】…, 【订阅频道】…); a bracketed "support" with a
/// donation address (【支持】… donate…); a plug for other articles
/// (点阅【…】系列文章, 延伸阅读：…); a video player's notice (本视频只代表…观点); a site's rights
/// notice (版权所有，不得转载: an attribution, 授权转载自…, is the article's and stays). Only the
/// first two paragraphs and the end of the article (back through a run of promotions, with at most
/// three other paragraphs among them) are looked at, and only short paragraphs, or a paragraph's
/// last lines, so a sentence of the article is not taken for one. Two shapes are looked for
/// anywhere: a short prompt to click and watch whose video is not there (the next block is not a
/// video: the mirror removed the player), and, at the end, a heading that announces where to watch
/// or follow (网络收看方式：) with the list of addresses under it. Each drop is recorded with its
/// rule (the report's <c>cleaning.dropped</c>); <c>[clean] keep-lines</c> brings a false one back.
/// Text repeated at the edges of many articles of one site is the book-wide rule of
/// <see cref="RepeatedText"/>.
/// </summary>
internal static partial class Promotions
{
    /// <summary>A bracketed heading (at most 12 characters) that calls for members, subscribers or money: 征, 订阅, 会员, 捐, 赞助, 招募; or, unbracketed, such a call with nothing but its address (会员招募中：https://…).</summary>
    [GeneratedRegex(@"^【[^【】]{0,10}(征|订阅|訂閱|会员|會員|捐|赞助|贊助|招募)[^【】]{0,10}】|^[^，。：:【】]{0,12}(会员|會員|订户|訂戶|订阅|訂閱|捐款|赞助|贊助)[^，。：:]{0,6}[：:]\s*https?://\S+$")]
    private static partial Regex Appeal();

    /// <summary>A bracketed "support" that asks for money: a donation plug (【支持】…, with a donation address or word).</summary>
    [GeneratedRegex(@"^【[^【】]{0,6}(支持|贊助|赞助)[^【】]{0,6}】.*(donat|paypal|捐|赞助|贊助|打赏|打賞)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Donation();

    /// <summary>A plug for other articles: "read the series", "further reading", "more on…".</summary>
    [GeneratedRegex(@"^(点阅|點閱|点击阅读|點擊閱讀|延伸阅读|延伸閱讀|相关阅读|相關閱讀|推荐阅读|推薦閱讀|更多[^，。]{0,8}(请|請)?(点击|點擊|阅读|閱讀))[：:]?|(点阅|點閱)【[^】]{1,40}】(系列|专题|專題)|^(了解|阅读|閱讀|查看)更多[^。]{0,30}(请|請)(点击|點擊|访问|訪問|浏览|瀏覽)")]
    private static partial Regex ReadMore();

    /// <summary>A video player's notice or channel list.</summary>
    [GeneratedRegex(@"^(相关|相關)?(影片|视频|視頻)?(请|請)?(点击|點擊)(观看|觀看)|^(网络|網絡|網路)?收看方式[：:]|本(视频|視頻|影片|节目|節目)(只|仅|僅)?代表[^。]{0,20}(观点|觀點)")]
    private static partial Regex PlayerNotice();

    /// <summary>A prompt to click and watch (完整节目请点击观看…, 點擊觀看): the player it points to follows it, or it is left pointing at nothing.</summary>
    [GeneratedRegex(@"(请|請)?(点击|點擊|点选|點選|点此|點此)(观看|觀看|收看)")]
    private static partial Regex WatchPrompt();

    /// <summary>A heading that announces where to watch, listen or follow (网络收看方式：, 訂閱管道:).</summary>
    [GeneratedRegex(@"(收看|收聽|收听|观看|觀看|订阅|訂閱|关注|關注|追踪|追蹤)[^：:]{0,8}[：:]$")]
    private static partial Regex ChannelHeading();

    /// <summary>A line of a channel list: a label and an address, or an address alone.</summary>
    [GeneratedRegex(@"^[^：:]{0,24}[：:]?\s*(https?://\S+|[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ChannelLine();

    /// <summary>A site's rights notice: all rights reserved, no reprinting without leave.</summary>
    [GeneratedRegex(@"版权所有|版權所有|不得转载|不得轉載|转载请注明|轉載請註明|请勿[^，。]{0,6}转载|請勿[^，。]{0,6}轉載|侵权必究|侵權必究|all rights reserved", RegexOptions.IgnoreCase)]
    private static partial Regex RightsNotice();

    /// <summary>Words of an attribution (where the article comes from), which the article keeps even in a rights notice.</summary>
    [GeneratedRegex(@"授权|授權|转载自|轉載自|原载|原載|来源[：:]|來源[：:]|(?<!未)(经|經)[^，。]{1,60}(许可|許可)")]
    private static partial Regex Attribution();

    /// <summary>The longest rights notice: a line or two.</summary>
    private const int MaxNoticeLength = 80;

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
            if (!AnyLineMatches((Paragraph)body[paragraphs[k]], BeforeVideo(body, paragraphs[k]))) others++;
        }
        var dropped = new List<DroppedText>();
        var kept = new List<Block>(body.Count);
        for (var i = 0; i < body.Count; i++)
        {
            if (body[i] is Heading heading && ChannelList(body, i, rules) is { } listEnd)
            {
                // The heading and its list of addresses go together.
                var list = (Paragraph)body[listEnd];
                dropped.Add(new DroppedText("channel-list", Plain(heading.Content) + "\n" + Plain(list.Content), heading.Source));
                i = listEnd;
                continue;
            }
            if (body[i] is not Paragraph p)
            {
                kept.Add(body[i]);
                continue;
            }
            var beforeVideo = BeforeVideo(body, i);
            if (!edges.Contains(i))
            {
                // Away from the edges only a prompt to watch a video that is not there goes.
                var text = Plain(p.Content);
                if (!beforeVideo && IsOrphanPrompt(text) && !rules.KeepsLine(text)) dropped.Add(new DroppedText("player-notice", text, p.Source));
                else kept.Add(p);
                continue;
            }
            // A promotion may close a paragraph after a line break (a sign-off, then 【订阅频道】 and its
            // address): from its line to the paragraph's end goes; the lines before it stay.
            var cut = -1;
            foreach (var start in LineStarts(p.Content))
            {
                var rest = Plain(p.Content.Skip(start).ToList());
                if (Rule(rest, beforeVideo) is { } rule && !rules.KeepsLine(rest))
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

    /// <summary>
    /// Where the list ends when the heading at <paramref name="index"/> announces a channel list
    /// (網絡收看方式：) in the article's last blocks and the next block is a paragraph of addresses;
    /// otherwise null.
    /// </summary>
    private static int? ChannelList(IReadOnlyList<Block> body, int index, CleanRules rules)
    {
        var heading = Plain(((Heading)body[index]).Content);
        if (heading.Length > 20 || !ChannelHeading().IsMatch(heading) || rules.KeepsLine(heading)) return null;
        if (index + 1 >= body.Count || body[index + 1] is not Paragraph list) return null;
        if (body.Skip(index + 2).Count(b => b is Paragraph) > 4) return null; // not at the end
        var lines = LineStarts(list.Content).Select((start, k) => Plain(LineAt(list.Content, start))).Where(l => l.Length > 0).ToList();
        return lines.Count > 0 && lines.All(l => ChannelLine().IsMatch(l)) ? index + 1 : null;
    }

    /// <summary>The inlines of one line of a paragraph, from <paramref name="start"/> to the next line break.</summary>
    private static List<Inline> LineAt(IReadOnlyList<Inline> content, int start) => content.Skip(start).TakeWhile(x => x is not LineBreak).ToList();

    /// <summary>Whether the block after <paramref name="index"/> is a video (the prompt before it points at it).</summary>
    private static bool BeforeVideo(IReadOnlyList<Block> body, int index) =>
        index + 1 < body.Count && body[index + 1] is Figure { Kind: FigureKind.Video };

    /// <summary>A short paragraph that is a prompt to click and watch.</summary>
    private static bool IsOrphanPrompt(string text) => text.Length is > 0 and <= 60 && WatchPrompt().IsMatch(text);

    private static string Plain(IReadOnlyList<Inline> content) => EbookBuilder.Model.Text.PlainText.Of(content).Trim();

    /// <summary>The rule a paragraph's text matches, or null.</summary>
    internal static string? Rule(string text, bool beforeVideo = false)
    {
        if (text.Length == 0 || text.Length > MaxLength) return null;
        if (Appeal().IsMatch(text)) return "appeal";
        if (Donation().IsMatch(text)) return "donation";
        if (text.Length <= 80 && ReadMore().IsMatch(text)) return "read-more";
        if (!beforeVideo && (text.Length <= 160 && PlayerNotice().IsMatch(text) || IsOrphanPrompt(text))) return "player-notice";
        // A rights notice is a line of its own (the line before it, a plug or a credit, is judged apart).
        if (text.Length <= MaxNoticeLength && !text.Contains('\n') && RightsNotice().IsMatch(text) && !Attribution().IsMatch(text)) return "rights-notice";
        return null;
    }

    private static bool AnyLineMatches(Paragraph p, bool beforeVideo) =>
        LineStarts(p.Content).Any(start => Rule(Plain(p.Content.Skip(start).ToList()), beforeVideo) is not null);

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
