namespace EbookBuilder.Assembly.Scripts;

/// <summary>How the book's quotation marks are written (<c>--quotes</c>).</summary>
public enum QuoteStyle
{
    /// <summary>As the articles have them.</summary>
    Keep,
    /// <summary>Corner brackets, as Taiwan, Hong Kong and Japan set them: 「outer『inner』」.</summary>
    Corner,
    /// <summary>Curly quotes, as the mainland sets them: “outer‘inner’”.</summary>
    Curly,
}

/// <summary>The quote styles' names, and the rewriting of a text's marks.</summary>
public static class QuoteStyles
{
    /// <summary>The names, as <c>--quotes</c> and <c>[book] quotes</c> take them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["keep", "corner", "curly"];

    /// <summary>The style a name stands for, or null.</summary>
    public static QuoteStyle? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "keep" => QuoteStyle.Keep,
        "corner" => QuoteStyle.Corner,
        "curly" => QuoteStyle.Curly,
        _ => null,
    };

    /// <summary>
    /// The text with its marks in the style. Curly marks become corner brackets only in Chinese
    /// text: a mark with a Chinese character or Chinese punctuation beside it (“他说” but not
    /// "He said “yes”"), and never an apostrophe (don’t, the 1990’s: a right single quote between
    /// a Latin letter or digit and a letter). Corner brackets, which only Chinese and Japanese use,
    /// always become curly marks.
    /// </summary>
    public static string Apply(this QuoteStyle style, string text)
    {
        if (style == QuoteStyle.Keep) return text;
        if (style == QuoteStyle.Curly)
        {
            return text.IndexOfAny(['「', '」', '『', '』']) < 0 ? text
                : string.Create(text.Length, text, (span, source) =>
                {
                    for (var i = 0; i < source.Length; i++)
                        span[i] = source[i] switch { '「' => '“', '」' => '”', '『' => '‘', '』' => '’', var c => c };
                });
        }
        if (text.IndexOfAny(['“', '”', '‘', '’']) < 0) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var corner = chars[i] switch { '“' => '「', '”' => '」', '‘' => '『', '’' => '』', _ => '\0' };
            if (corner == '\0') continue;
            var before = i > 0 ? text[i - 1] : '\0';
            var after = i + 1 < text.Length ? text[i + 1] : '\0';
            if (chars[i] == '’' && char.IsAsciiLetterOrDigit(before) && char.IsLetter(after)) continue; // an apostrophe
            if (IsChinese(before) || IsChinese(after) || ((IsQuote(before) || IsQuote(after)) && Chinese(text, i))) chars[i] = corner;
        }
        return new string(chars);
    }

    /// <summary>A CJK ideograph (any plane: a surrogate stands for one), or CJK or full-width punctuation.</summary>
    private static bool IsChinese(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFFEF' || char.IsSurrogate(c);

    private static bool IsQuote(char c) => c is '“' or '”' or '‘' or '’' or '「' or '」' or '『' or '』';

    /// <summary>Whether the run of marks around <paramref name="at"/> touches Chinese text on either side (“‘…’” nests).</summary>
    private static bool Chinese(string text, int at)
    {
        var start = at;
        while (start > 0 && IsQuote(text[start - 1])) start--;
        var end = at;
        while (end + 1 < text.Length && IsQuote(text[end + 1])) end++;
        return (start > 0 && IsChinese(text[start - 1])) || (end + 1 < text.Length && IsChinese(text[end + 1]));
    }
}
