namespace EbookBuilder.Ingest.Chars;

/// <summary>
/// Character classes needed for the CSS Text segment-break rule: a newline between two East Asian
/// wide characters (not Hangul) is formatting, not a space.
/// </summary>
internal static class CjkText
{
    public static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u2FDF'      // CJK radicals, Kangxi
        or >= '\u3000' and <= '\u303F'         // CJK symbols and punctuation
        or >= '\u3040' and <= '\u30FF'         // kana
        or >= '\u3100' and <= '\u312F'         // bopomofo
        or >= '\u31A0' and <= '\u31FF'
        or >= '\u3200' and <= '\u33FF'         // enclosed, compatibility
        or >= '\u3400' and <= '\u4DBF'         // extension A
        or >= '\u4E00' and <= '\u9FFF'         // unified ideographs
        or >= '\uF900' and <= '\uFAFF'         // compatibility ideographs
        or >= '\uFE30' and <= '\uFE4F'         // compatibility forms
        or >= '\uFF01' and <= '\uFF60'         // full-width forms
        or >= '\uFFE0' and <= '\uFFE6'
        or '\u2014' or '\u2026' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00B7'
        || char.IsSurrogate(c);                // supplementary ideographs (extensions B+)

    /// <summary>Whitespace that HTML collapses (not NBSP, not the ideographic space).</summary>
    public static bool IsCollapsible(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    public static bool IsSegmentBreak(char c) => c is '\n' or '\r';

    /// <summary>Text with all whitespace removed, for comparing content regardless of layout.</summary>
    public static string WithoutWhitespace(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        }
        return sb.ToString();
    }
}
