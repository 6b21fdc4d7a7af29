using System.Text.RegularExpressions;
using EbookBuilder.Model.Document;
using EbookBuilder.Model.Text;

namespace EbookBuilder.Ingest;

/// <summary>
/// The book-wide rule of boilerplate: a paragraph that stands, word for word, at the start or the
/// end of many articles of one site in this build is the site's, not the article's (a reprint
/// notice, a disclaimer, a standing plug), whatever it says. It is the strongest signal there is,
/// and it needs no list of texts: it finds the boilerplate of a site never seen before.
/// <para>
/// A site is the host of an article's original address (without <c>www.</c>), or, for an article
/// without one, its folder. The edges are an article's first two and last three paragraphs. A
/// paragraph goes when it stands at an edge of at least <see cref="MinArticles"/> differently
/// titled articles of its site and of at least a quarter of them (<see cref="MinShare"/>): in a
/// site's 668 articles, its reprint notice closes 324 (48%); a reporter's most frequent byline 17%.
/// Short lines (under <see cref="MinLength"/> characters: 责任编辑：…, （完）, （待续）) and credits (a
/// reporter, an editor, an author, a source, named after a colon, or 记者…报道) are the article's
/// and stay, however often they repeat. The same text elsewhere in an article is kept.
/// Each drop is recorded as the rule <c>repeated</c>; <c>[clean] keep-lines</c> brings one back.
/// </para>
/// </summary>
public static partial class RepeatedText
{
    /// <summary>The fewest differently titled articles of a site that must share the text.</summary>
    public const int MinArticles = 3;

    /// <summary>The least share of a site's articles that must share the text.</summary>
    public const double MinShare = 0.25;

    /// <summary>The shortest text taken: shorter lines are credits and sign-offs.</summary>
    public const int MinLength = 16;

    private const int MaxLength = 400;
    private const int StartParagraphs = 2;
    private const int EndParagraphs = 3;

    /// <summary>A credit: a role, then a colon or slash and a name; or a reporter's "记者…报道".</summary>
    [GeneratedRegex(@"(记者|記者|责编|責編|网编|網編|编辑|編輯|主编|主編|作者|撰文|撰稿|摄影|攝影|来源|來源|翻译|翻譯|整理|采访|採訪|配图|配圖)\s*[：:／/]|(记者|記者)[^，。]{1,16}(报道|報道|报导|報導)")]
    private static partial Regex Credit();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The articles without the paragraphs their site repeats at its articles' edges (null entries, articles that could not be read, stay null).</summary>
    public static Article?[] Drop(IReadOnlyList<Article?> articles, CleanRules rules)
    {
        var result = articles.ToArray();
        foreach (var site in articles.Select((a, i) => (Article: a, Index: i)).Where(x => x.Article is not null).GroupBy(x => Site(x.Article!)))
        {
            var titles = site.Select(x => x.Article!.Title).Distinct(StringComparer.Ordinal).Count();
            if (titles < MinArticles) continue;
            // Each article's edge texts, found once; which differently titled articles have each.
            var candidates = site.ToDictionary(x => x.Index, x => Candidates(x.Article!).ToList());
            var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var (article, index) in site)
            {
                foreach (var candidate in candidates[index])
                {
                    if (!seen.TryGetValue(candidate.Key, out var set)) seen[candidate.Key] = set = new HashSet<string>(StringComparer.Ordinal);
                    set.Add(article!.Title);
                }
            }
            var least = Math.Max(MinArticles, (int)Math.Ceiling(MinShare * titles));
            var repeated = seen.Where(kv => kv.Value.Count >= least).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
            if (repeated.Count == 0) continue;
            foreach (var (article, index) in site)
            {
                // Per paragraph, the widest repeated part (a whole paragraph, or its last or first lines).
                var drop = candidates[index].Where(c => repeated.Contains(c.Key) && !rules.KeepsLine(c.Text))
                    .GroupBy(c => c.Index).Select(g => g.MaxBy(c => c.End - c.Start)!).ToList();
                if (drop.Count == 0) continue;
                var cuts = drop.ToDictionary(c => c.Index);
                var blocks = new List<Block>(article!.Blocks.Count);
                for (var i = 0; i < article.Blocks.Count; i++)
                {
                    if (!cuts.TryGetValue(i, out var cut)) { blocks.Add(article.Blocks[i]); continue; }
                    var content = ((Paragraph)article.Blocks[i]).Content;
                    var rest = content.Take(cut.Start).Concat(content.Skip(cut.End)).ToList();
                    while (rest.Count > 0 && rest[^1] is LineBreak) rest.RemoveAt(rest.Count - 1);
                    while (rest.Count > 0 && rest[0] is LineBreak) rest.RemoveAt(0);
                    if (rest.Count > 0) blocks.Add((Paragraph)article.Blocks[i] with { Content = rest });
                }
                result[index] = article with
                {
                    Blocks = blocks,
                    Dropped = [.. article.Dropped, .. drop.Select(c => new DroppedText("repeated", c.Text, article.Blocks[c.Index].Source))],
                };
            }
        }
        return result;
    }

    /// <summary>The site an article comes from: its original address's host, else its folder.</summary>
    private static string Site(Article article)
    {
        if (article.SourceUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            var host = uri.IdnHost.ToLowerInvariant();
            return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        }
        return "file:" + Path.GetDirectoryName(article.Source.File);
    }

    /// <summary>A part of a paragraph at an article's edge that could be boilerplate: inlines [Start, End) of block Index.</summary>
    private readonly record struct Candidate(int Index, int Start, int End, string Text, string Key);

    /// <summary>
    /// The parts of the paragraphs at an article's edges that could be boilerplate: each whole
    /// paragraph; in the last paragraphs, each run of last lines (a notice after a line break, as
    /// in an article written as one paragraph of lines); in the first, each run of first lines.
    /// </summary>
    private static IEnumerable<Candidate> Candidates(Article article)
    {
        var paragraphs = article.Blocks.Select((b, i) => (Block: b, Index: i)).Where(x => x.Block is Paragraph).Select(x => x.Index).ToList();
        var first = paragraphs.Take(StartParagraphs).ToHashSet();
        var last = paragraphs.TakeLast(EndParagraphs).ToHashSet();
        foreach (var index in first.Union(last))
        {
            var content = ((Paragraph)article.Blocks[index]).Content;
            var breaks = content.Select((x, i) => (x, i)).Where(p => p.x is LineBreak).Select(p => p.i).ToList();
            var ranges = new HashSet<(int, int)> { (0, content.Count) };
            if (last.Contains(index)) foreach (var b in breaks) ranges.Add((b + 1, content.Count));
            if (first.Contains(index)) foreach (var b in breaks) ranges.Add((0, b));
            foreach (var (start, end) in ranges)
            {
                var part = content.Skip(start).Take(end - start).ToList();
                var text = Spaces().Replace(PlainText.Of(part), " ").Trim();
                if (text.Length is < MinLength or > MaxLength || Credit().IsMatch(text)) continue;
                // The same words with other links are not the same paragraph (每集的下载链接: 720p, 480p).
                var targets = Links(part).ToList();
                yield return new Candidate(index, start, end, text, targets.Count == 0 ? text : text + "\n" + string.Join('\n', targets));
            }
        }
    }

    private static IEnumerable<string> Links(IEnumerable<Inline> content)
    {
        foreach (var inline in content)
        {
            if (inline is Link link) yield return link.Url;
            IReadOnlyList<Inline> children = inline switch { Link l => l.Children, Strong b => b.Children, Emphasis e => e.Children, _ => [] };
            foreach (var target in Links(children)) yield return target;
        }
    }
}
