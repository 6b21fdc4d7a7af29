using System.Security.Cryptography;
using System.Text;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Model.Text;

namespace EbookBuilder.Assembly;

/// <summary>
/// The chapters of the book from the articles read: each chapter's articles in the date range,
/// each article once (the first chapter that has it keeps it), in the order the chapter asks for
/// and cut to its newest N; a chapter left with nothing is left out (a warning). Chapters that
/// become books of their own (<c>--split chapter</c>) each keep their articles, as separate builds would.
/// </summary>
public static class ChapterAssembler
{
    /// <summary>The chapters, from <paramref name="articles"/> (by file; null where a file could not be read).</summary>
    public static List<Chapter> Assemble(IReadOnlyList<ChapterSource> sources, IReadOnlyDictionary<string, Article?> articles,
        DateRange range, DiagnosticBag diagnostics, bool chaptersApart = false)
    {
        var seen = new Duplicates();
        var chapters = new List<Chapter>();
        var undated = new List<string>();
        foreach (var source in sources)
        {
            if (chaptersApart) seen = new Duplicates();
            var chapterRange = range.Within(source.Since, source.Until);
            var list = new List<Article>();
            foreach (var file in source.Files)
            {
                if (articles[file] is not { } article || !seen.File(file)) continue;
                if (!InRange(article, chapterRange, undated, diagnostics)) continue;
                if (seen.Article(article, $"{article.Source.File} in chapter '{source.Title}'") is { } firstBy)
                {
                    diagnostics.Info(DiagnosticCodes.DuplicateArticle, $"same article as {firstBy}; kept there only", article.Source);
                    continue;
                }
                list.Add(article);
            }
            list = Arrange(list, source);
            if (list.Count == 0)
            {
                diagnostics.Warn(DiagnosticCodes.EmptyChapter, $"chapter '{source.Title}' has no articles and is left out", source.Origin);
                continue;
            }
            chapters.Add(new Chapter(source.Title, list, source.Origin));
        }
        if (undated.Count > 0) WarnUndated(undated, range.DropUndated, diagnostics);
        return chapters;
    }

    /// <summary>Whether the article is kept by the date range; an undated one is noted (and kept unless the range drops them).</summary>
    private static bool InRange(Article article, DateRange range, List<string> undated, DiagnosticBag diagnostics)
    {
        if (!range.IsBounded) return true;
        if (article.Date is not { } date)
        {
            undated.Add(article.Source.File);
            diagnostics.Info(DiagnosticCodes.Undated, range.DropUndated
                ? "the article has no date; left out, as a date range is given and undated articles are dropped"
                : "the article has no date; kept although a date range is given", article.Source);
            return !range.DropUndated;
        }
        return !(date < range.Since || date > range.Until);
    }

    /// <summary>A weekly digest must not fill silently with last year's news: say how many, and which.</summary>
    private static void WarnUndated(List<string> undated, bool dropped, DiagnosticBag diagnostics)
    {
        const int listed = 5;
        var listedFiles = string.Join(", ", undated.Take(listed).Select(Path.GetFileName));
        var more = undated.Count > listed ? $" and {undated.Count - listed} more (--verbose or the report lists them)" : "";
        diagnostics.Warn(DiagnosticCodes.Undated, dropped
            ? $"{undated.Count} article(s) have no date and were left out of the date range: {listedFiles}{more}; set [output] undated = \"keep\" (or --undated keep) to keep them"
            : $"{undated.Count} article(s) have no date and were kept although a date range is given: {listedFiles}{more}; set [output] undated = \"drop\" (or --undated drop) to leave them out", null);
    }

    /// <summary>A chapter's articles in the order it asks for, cut to its newest N.</summary>
    internal static List<Article> Arrange(List<Article> articles, ChapterSource source)
    {
        if (source.Limit is { } limit && articles.Count > limit)
        {
            // Newest first (undated last), stable for equal dates; then back into the source order.
            var keep = articles.Select((a, i) => (a, i)).OrderByDescending(x => x.a.Date ?? DateOnly.MinValue).Take(limit).Select(x => x.i).ToHashSet();
            articles = articles.Where((_, i) => keep.Contains(i)).ToList();
        }
        return source.Order switch
        {
            ChapterOrder.Date => [.. articles.OrderBy(a => a.Date is null).ThenBy(a => a.Date)],
            ChapterOrder.DateDesc => [.. articles.OrderBy(a => a.Date is null).ThenByDescending(a => a.Date)],
            ChapterOrder.Name => [.. articles.OrderBy(a => Path.GetFileName(a.Source.File), NaturalComparer.Instance)],
            ChapterOrder.Title => [.. articles.OrderBy(a => a.Title, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), false))],
            _ => articles,
        };
    }

    /// <summary>The files and articles taken so far: the same article twice is known by its original URL, or by the same title and body text.</summary>
    private sealed class Duplicates
    {
        private readonly HashSet<string> _files = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _urls = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _bodies = new(StringComparer.Ordinal);

        /// <summary>False when the file was taken already (by an earlier chapter).</summary>
        public bool File(string file) => _files.Add(file);

        /// <summary>Where the same article was taken before, or null (and it is taken here, at <paramref name="where"/>).</summary>
        public string? Article(Article article, string where)
        {
            var sameText = article.Title + "\n" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(PlainText.Of(article.Blocks))));
            var firstBy = article.SourceUrl is { } url && _urls.TryGetValue(url, out var byUrl) ? byUrl : _bodies.GetValueOrDefault(sameText);
            if (firstBy is not null) return firstBy;
            if (article.SourceUrl is { } u) _urls[u] = where;
            _bodies[sameText] = where;
            return null;
        }
    }
}
