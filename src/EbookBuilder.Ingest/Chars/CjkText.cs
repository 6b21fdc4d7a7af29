namespace EbookBuilder.Ingest.Chars;

/// <summary>
/// Character classes needed for the CSS Text segment-break rule: a newline between two East Asian
/// wide characters (not Hangul) is formatting, not a space.
/// </summary>
internal static class CjkText
{
    /// <summary>A UTF-16 unit that is wide; a surrogate stands for a supplementary ideograph.</summary>
    public static bool IsWide(char c) => char.IsSurrogate(c) || EbookBuilder.Model.Text.EastAsianWidth.IsWide(c);

    /// <summary>
    /// Punctuation that is full-width in every context (ideographic comma and full stop, corner and
    /// lenticular brackets, full-width forms such as ，（）：？): a space typed beside it is never
    /// wanted, since the mark carries its own space. Marks whose width depends on the text (“” ‘’ … —)
    /// are not among them: English needs a space before “.
    /// </summary>
    public static bool IsFullWidthPunctuation(char c) =>
        c is (>= '\u3001' and <= '\u3003') or (>= '\u3008' and <= '\u3011') or (>= '\u3014' and <= '\u301F')
            or (>= '\uFF01' and <= '\uFF0F') or (>= '\uFF1A' and <= '\uFF20') or (>= '\uFF3B' and <= '\uFF40') or (>= '\uFF5B' and <= '\uFF65');

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
