using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace EbookBuilder.Tests.Corpus;

/// <summary>
/// An independent reading of a mirror-format source, for the corpus tests: what body text it has
/// (every text run between block boundaries, breaks and images) and what junk text its mirror
/// lines carry. It knows only the file format (title line, "####" lines, footer), not the cleaner's rules.
/// </summary>
internal static partial class SourceOracle
{
    [GeneratedRegex(@"^ {0,3}#{2,6}(\s|$)")]
    private static partial Regex MirrorLine();

    [GeneratedRegex(@"^\s*[-=]{3,}\s*$")]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"\[([^\]]+)\]")]
    private static partial Regex LinkText();

    [GeneratedRegex(@"^【[^【】]{0,20}\d{4}年\d{1,2}月\d{1,2}日?[^【】]{0,3}】")]
    private static partial Regex Dateline();

    private static readonly HashSet<string> Boundaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "figcaption", "blockquote", "center", "br", "img",
        "hr", "table", "tr", "ul", "ol", "figure", "section", "article", "pre",
    };

    public sealed record Reading(IReadOnlyList<string> BodyChunks, IReadOnlyList<string> JunkTexts, string BodyHtml)
    {
        /// <summary>
        /// The chunks that are a site's promotion, by the oracle's own narrow reading (see
        /// <see cref="IsPromotion"/>), with the bare addresses that follow one.
        /// </summary>
        public IReadOnlySet<string> Promotions
        {
            get
            {
                var found = new HashSet<string>(StringComparer.Ordinal);
                var after = false;
                foreach (var chunk in BodyChunks)
                {
                    after = IsPromotion(chunk) || (after && BareAddress().IsMatch(chunk));
                    if (after) found.Add(chunk);
                }
                return found;
            }
        }
    }

    /// <summary>
    /// A promotion, as this oracle reads one (narrower than the cleaner, and written apart from it):
    /// a chunk that opens with a bracketed call for members, subscribers or donations, a bracketed
    /// "support", a "read the series" plug, or a video player's notice.
    /// </summary>
    public static bool IsPromotion(string chunk) =>
        PromotionShape().IsMatch(chunk) && chunk.Length <= 400
        || chunk.Length <= 80 && RightsShape().IsMatch(chunk) && !chunk.Contains("授权", StringComparison.Ordinal) && !Regex.IsMatch(chunk, "(?<!未)经.{1,60}许可")
        || chunk.Length <= 60 && chunk.Contains("请点击观看", StringComparison.Ordinal);

    /// <summary>An address alone, or after a short label (a channel list's line: 新闻网：https://…).</summary>
    [GeneratedRegex(@"^[^：:]{0,24}[：:]?(https?://\S+|[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex BareAddress();

    [GeneratedRegex(@"版权所有|版權所有|不得转载|不得轉載|转载请注明|轉載請註明")]
    private static partial Regex RightsShape();

    /// <summary>
    /// Texts a site repeats across a folder's articles, by the oracle's own count (every chunk,
    /// wherever it stands): <c>Excused</c>, at least 16 characters and in at least a fifth of the
    /// articles (and three), may be dropped; <c>MustGo</c>, among the last three chunks of more than
    /// half of them, must be.
    /// </summary>
    public static (IReadOnlySet<string> Excused, IReadOnlySet<string> MustGo) Repeated(IReadOnlyList<Reading> readings)
    {
        // Single chunks, and two chunks side by side (a paragraph of two lines: 附：…链接：<br/>720p, 480p).
        var anywhere = new Dictionary<(string, string), int>();
        var atEnd = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var reading in readings)
        {
            var chunks = reading.BodyChunks;
            var pieces = chunks.Select(c => (c, "")).Concat(chunks.Zip(chunks.Skip(1))).Where(p => p.Item1.Length + p.Item2.Length >= 16).Distinct();
            foreach (var piece in pieces) anywhere[piece] = anywhere.GetValueOrDefault(piece) + 1;
            foreach (var chunk in chunks.TakeLast(3).Where(c => c.Length >= 16).Distinct()) atEnd[chunk] = atEnd.GetValueOrDefault(chunk) + 1;
        }
        return (anywhere.Where(kv => kv.Value >= 3 && kv.Value * 5 >= readings.Count).SelectMany(kv => new[] { kv.Key.Item1, kv.Key.Item2 }).Where(c => c.Length > 0).ToHashSet(),
            atEnd.Where(kv => kv.Value >= 3 && kv.Value * 2 > readings.Count).Select(kv => kv.Key).ToHashSet());
    }

    [GeneratedRegex(@"^【[^】]*(会员|會員|订阅|訂閱|捐)[^】]*】|^【支持】.*支持|^https?://donate\.|^(点阅|更多[^【]{0,10})【[^】]+】系列|^点阅.{0,30}系列|^相关影片请点击观看|本视频只代表|^网络收看方式：$|^了解更多.{0,30}请点击|^[^，。：]{0,12}(会员招募中|订阅[^，。：]{0,6})：(https?://\S+)?$")]
    private static partial Regex PromotionShape();

    public static Reading Read(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var junk = new List<string> { "手机上长按并复制下列链接或二维码分享本文章", "原文地址", "gfw-breaker" };
        var title = Array.FindIndex(lines, l => l.Trim().Length > 0);
        lines[title] = "";
        var footer = Array.FindIndex(lines, l => l.Contains("手机上长按并复制") || Regex.IsMatch(l, "原文(地址|链接)"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (footer >= 0 && i >= footer || MirrorLine().IsMatch(lines[i]) || RuleLine().IsMatch(lines[i]))
            {
                junk.AddRange(LinkText().Matches(lines[i]).Select(m => Strip(m.Groups[1].Value)).Where(s => s.Length >= 2));
                lines[i] = "";
            }
        }
        var html = string.Join('\n', lines);
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll("script, style, noscript, iframe, ins, template").ToList()) element.Remove();
        foreach (var element in document.QuerySelectorAll("[style]").Where(e => Regex.IsMatch(e.GetAttribute("style")!, @"display\s*:\s*none", RegexOptions.IgnoreCase)).ToList())
            element.Remove();

        var chunks = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            var chunk = Dateline().Replace(Strip(current.ToString()), "");
            if (chunk.Length > 0) chunks.Add(chunk);
            current.Clear();
        }
        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText t) { current.Append(t.Data); continue; }
                if (child is not IElement e) continue;
                var boundary = Boundaries.Contains(e.LocalName);
                if (boundary) Flush();
                Walk(e);
                if (boundary) Flush();
            }
        }
        Walk(document.Body!);
        Flush();
        return new Reading(chunks, junk.Distinct().ToList(), html);
    }

    /// <summary>The text without white space and control characters (a backspace typed into a caption never reaches the book).</summary>
    public static string Strip(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) if (!char.IsWhiteSpace(c) && !char.IsControl(c)) sb.Append(c);
        return sb.ToString();
    }

    public static int Count(string haystack, string needle)
    {
        var count = 0;
        for (var i = haystack.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(needle, i + needle.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
