namespace EbookBuilder.Ingest.Chars;

/// <summary>
/// Character classes needed for the CSS Text segment-break rule: a newline between two East Asian
/// wide characters (not Hangul) is formatting, not a space.
/// </summary>
internal static class CjkText
{
    /// <summary>A UTF-16 unit that is wide; a surrogate stands for a supplementary ideograph.</summary>
    public static bool IsWide(char c) => char.IsSurrogate(c) || EbookBuilder.Model.Text.EastAsianWidth.IsWide(c);

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
