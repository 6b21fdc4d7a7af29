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

    public static DateOnly? Date(string? sourceUrl, string file)
    {
        if (sourceUrl is not null)
        {
            var m = EpochPath().Match(sourceUrl);
            if (m.Success) return Dateline.ToDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
            m = RfaStamp().Match(sourceUrl);
            if (m.Success) return Dateline.ToDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
        }
        var stamp = RfaStamp().Match(Path.GetFileName(file));
        return stamp.Success ? Dateline.ToDate(stamp.Groups["y"].Value, stamp.Groups["m"].Value, stamp.Groups["d"].Value) : null;
    }
}
