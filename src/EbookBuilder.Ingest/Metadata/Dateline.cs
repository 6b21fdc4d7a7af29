using System.Globalization;
using System.Text.RegularExpressions;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest.Metadata;

/// <summary>
/// The dateline news articles open with (【大纪元2022年02月04日讯】, 【新唐人北京时间2020年09月26日讯】,
/// 【希望之声2020年9月20日】, 【看中国2020年8月17日讯】): it gives the publisher and date, and moves
/// out of the body into the article header.
/// </summary>
internal static partial class Dateline
{
    [GeneratedRegex(@"^\s*【(?<pub>[^【】0-9]{1,16}?)(?:北京时间|北京時間)?\s*(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日?\s*(?:讯|訊|电|電)?】\s*")]
    private static partial Regex Pattern();

    /// <summary>Looks for a dateline at the start of the first few paragraphs and removes it.</summary>
    public static (DateOnly? Date, string? Publisher, IReadOnlyList<Block> Blocks) Extract(IReadOnlyList<Block> blocks)
    {
        for (var i = 0; i < Math.Min(blocks.Count, 4); i++)
        {
            if (blocks[i] is not Paragraph paragraph) continue;
            var first = FirstText(paragraph.Content);
            if (first is null) continue;
            var match = Pattern().Match(first.Value);
            if (!match.Success) continue;
            var date = ToDate(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value);
            if (date is null) continue;
            var rest = RemovePrefix(paragraph.Content, first, match.Length);
            var list = blocks.ToList();
            if (rest.Count == 0) list.RemoveAt(i);
            else list[i] = paragraph with { Content = rest };
            return (date, match.Groups["pub"].Value.Trim(), list);
        }
        return (null, null, blocks);
    }

    internal static DateOnly? ToDate(string y, string m, string d)
    {
        if (!int.TryParse(y, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(m, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(d, CultureInfo.InvariantCulture, out var day)) return null;
        if (year < 100) year += 2000;
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    private static Text? FirstText(IReadOnlyList<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text t: return t;
                case Strong s: return FirstText(s.Children);
                case Emphasis e: return FirstText(e.Children);
                case Link l: return FirstText(l.Children);
                case LineBreak: continue;
            }
        }
        return null;
    }

    private static IReadOnlyList<Inline> RemovePrefix(IReadOnlyList<Inline> inlines, Text target, int length)
    {
        var result = new List<Inline>();
        foreach (var inline in inlines)
        {
            var replaced = inline switch
            {
                Text t when ReferenceEquals(t, target) => t.Value.Length > length ? t with { Value = t.Value[length..] } : null,
                Strong s => Wrap(RemovePrefix(s.Children, target, length), c => s with { Children = c }),
                Emphasis e => Wrap(RemovePrefix(e.Children, target, length), c => e with { Children = c }),
                Link l => Wrap(RemovePrefix(l.Children, target, length), c => l with { Children = c }),
                _ => inline,
            };
            if (replaced is not null) result.Add(replaced);
        }
        // A break left at the start after the dateline went is no longer needed.
        while (result.Count > 0 && result[0] is LineBreak) result.RemoveAt(0);
        return result;
    }

    private static Inline? Wrap(IReadOnlyList<Inline> children, Func<IReadOnlyList<Inline>, Inline> make) =>
        children.Count == 0 ? null : make(children);
}
