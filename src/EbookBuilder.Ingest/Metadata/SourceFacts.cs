using System.Text.RegularExpressions;

namespace EbookBuilder.Ingest.Metadata;

/// <summary>Publisher and date as the original URL or the file name tell them, when the text does not.</summary>
internal static partial class SourceFacts
{
    private static readonly (string Host, string Name)[] Publishers =
    [
        ("epochtimes.com", "大纪元"),
        ("ntdtv.com", "新唐人"),
        ("soundofhope.org", "希望之声"),
        ("secretchina.com", "看中国"),
        ("rfa.org", "自由亚洲电台"),
        ("voachinese.com", "美国之音"),
        ("bbc.com", "BBC"),
    ];

    // Epoch Times: /gb/22/2/4/n13555352.htm
    [GeneratedRegex(@"/gb/(?<y>\d{2})/(?<m>\d{1,2})/(?<d>\d{1,2})/")]
    private static partial Regex EpochPath();

    // RFA: cgc-10072020151408 (month, day, year, time)
    [GeneratedRegex(@"-(?<m>\d{2})(?<d>\d{2})(?<y>20\d{2})\d{6}(\.html?|\.md)?$")]
    private static partial Regex RfaStamp();

    public static string? Publisher(string? sourceUrl)
    {
        if (sourceUrl is null || !Uri.TryCreate(sourceUrl, UriKind.Absolute, out var uri)) return null;
        foreach (var (host, name) in Publishers)
        {
            if (uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase))
                return name;
        }
        return null;
    }

    // Any site: a four-digit year, then month and day, as path segments or joined by - or _
    // (/2020/10/09/a1.html, /news/gb/2020/10/10/9.html, /2020-10-09/, /20201009/ or /20201009-x).
    [GeneratedRegex(@"/(?<y>(19|20)\d{2})(?<sep>[/_-])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})(?=[/._-]|$)")]
    private static partial Regex DatedPath();

    [GeneratedRegex(@"/(?<y>(19|20)\d{2})(?<m>\d{2})(?<d>\d{2})(?=[/._-]|$)")]
    private static partial Regex CompactDatedPath();

    /// <summary>The first year a news article can plausibly carry; a later one than next year is no date either.</summary>
    private const int FirstYear = 1990;

    public static DateOnly? Date(string? sourceUrl, string file)
    {
        if (sourceUrl is not null)
        {
            var m = EpochPath().Match(sourceUrl);
            if (m.Success) return Dateline.ToDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
            m = RfaStamp().Match(sourceUrl);
            if (m.Success) return Dateline.ToDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
            if (Uri.TryCreate(sourceUrl, UriKind.Absolute, out var uri))
            {
                foreach (var pattern in new[] { DatedPath(), CompactDatedPath() })
                {
                    for (m = pattern.Match(uri.AbsolutePath); m.Success; m = m.NextMatch())
                    {
                        if (Plausible(Dateline.ToDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value)) is { } date) return date;
                    }
                }
            }
        }
        var stamp = RfaStamp().Match(Path.GetFileName(file));
        return stamp.Success ? Dateline.ToDate(stamp.Groups["y"].Value, stamp.Groups["m"].Value, stamp.Groups["d"].Value) : null;
    }

    /// <summary>The date when it is one a news article can carry: from 1990 to the end of next year.</summary>
    internal static DateOnly? Plausible(DateOnly? date) =>
        date is { } d && d.Year >= FirstYear && d.Year <= DateTime.UtcNow.Year + 1 ? d : null;

    /// <summary>
    /// The publication date the markup states: a meta tag (article:published_time, datePublished,
    /// pubdate, date) or the first &lt;time datetime&gt;. Only the calendar date of the value is taken.
    /// </summary>
    public static DateOnly? MarkupDate(AngleSharp.Dom.IDocument document)
    {
        string?[] values =
        [
            document.QuerySelector("meta[property='article:published_time']")?.GetAttribute("content"),
            document.QuerySelector("meta[itemprop='datePublished']")?.GetAttribute("content"),
            document.QuerySelector("[itemprop='datePublished'][datetime]")?.GetAttribute("datetime"),
            document.QuerySelector("meta[name='pubdate'], meta[name='publishdate'], meta[name='date'], meta[name='DC.date.issued']")?.GetAttribute("content"),
            document.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
        ];
        foreach (var value in values)
        {
            var m = value is null ? Match.Empty : IsoDate().Match(value.Trim());
            if (m.Success && Plausible(Dateline.ToDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value)) is { } date) return date;
        }
        return null;
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})")]
    private static partial Regex IsoDate();
}
