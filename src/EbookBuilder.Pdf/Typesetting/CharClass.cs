using System.Buffers;

namespace EbookBuilder.Pdf.Typesetting;

/// <summary>
/// Character classes for Chinese line breaking and spacing (W3C clreq, UAX #14 in spirit): which
/// characters may not start a line, which may not end one, which are full-width.
/// </summary>
internal static class CharClass
{
    /// <summary>Closing punctuation and pause marks: never at the start of a line.</summary>
    private const string NoStart = "，。、；：？！）」』】》〉〕〗｝］”’…‥·・％%‰℃,.;:?!)]}>｡､〟ゝゞーぁぃぅぇぉっゃゅょァィゥェォッャュョ";

    /// <summary>Opening punctuation: never at the end of a line.</summary>
    private const string NoEnd = "（「『【《〈〔〖｛［“‘([{<〝";

    /// <summary>Full-width punctuation whose blank half is on the right (compressible before another mark).</summary>
    private const string ClosingHalfBlank = "，。、；：？！）」』】》〉〕〗｝］”’";

    /// <summary>Full-width punctuation whose blank half is on the left.</summary>
    private const string OpeningHalfBlank = "（「『【《〈〔〖｛［“‘";

    // Asked for every pair of characters of the book: sets, not searches of the strings.
    private static readonly SearchValues<char> NoStartSet = SearchValues.Create(NoStart);
    private static readonly SearchValues<char> NoEndSet = SearchValues.Create(NoEnd);
    private static readonly SearchValues<char> ClosingSet = SearchValues.Create(ClosingHalfBlank);
    private static readonly SearchValues<char> OpeningSet = SearchValues.Create(OpeningHalfBlank);

    public static bool IsNoStart(int c) => c < 0x10000 && NoStartSet.Contains((char)c);

    public static bool IsNoEnd(int c) => c < 0x10000 && NoEndSet.Contains((char)c);

    public static bool IsClosingPunct(int c) => c < 0x10000 && ClosingSet.Contains((char)c);

    public static bool IsOpeningPunct(int c) => c < 0x10000 && OpeningSet.Contains((char)c);

    /// <summary>East Asian wide characters: each is its own unit for line breaking.</summary>
    public static bool IsWide(int c) => EbookBuilder.Model.Text.EastAsianWidth.IsWide(c);

    /// <summary>Han ideographs and kana (not punctuation): where a quarter-em meets Latin letters and digits.</summary>
    public static bool IsIdeograph(int c) =>
        c is >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3FFFF
            or >= 0x3040 and <= 0x30FF;

    public static bool IsLatinOrDigit(int c) => c < 0x2E80 && (char.IsLetterOrDigit((char)c) || c is >= 0x00C0 and <= 0x024F);
}
