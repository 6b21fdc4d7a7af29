namespace EbookBuilder.Pdf.Typesetting;

/// <summary>
/// How a character stands in a vertical line, after Unicode's Vertical_Orientation property (UAX #50),
/// by its blocks: upright (U, Tu and Tr with the font's vertical form) for CJK ideographs, kana,
/// hangul, CJK punctuation and symbols, full-width forms, vertical forms, enclosed and compatibility
/// characters, emoji and the few Latin-1 signs set upright (§ © ® ± × ÷ ¼); on its side (R) for
/// Latin, Greek, Cyrillic, half-width digits and the general punctuation (— … “ ”), which turns
/// with the line.
/// </summary>
internal static class VerticalOrientation
{
    public static bool IsUpright(int c) => c switch
    {
        0xA7 or 0xA9 or 0xAE or 0xB1 or 0xBC or 0xBD or 0xBE or 0xD7 or 0xF7 => true,
        >= 0x1100 and <= 0x11FF => true, // Hangul Jamo
        >= 0x2E80 and <= 0xA4CF => true, // CJK radicals .. Yi, with CJK symbols and punctuation, kana, bopomofo, ideographs
        >= 0xA960 and <= 0xA97F => true,
        >= 0xAC00 and <= 0xD7FF => true, // Hangul syllables
        >= 0xE000 and <= 0xFAFF => true, // private use, CJK compatibility ideographs
        >= 0xFE10 and <= 0xFE1F => true, // vertical forms
        >= 0xFE30 and <= 0xFE6F => true, // CJK compatibility forms, small forms
        >= 0xFF01 and <= 0xFF60 => true, // full-width forms
        >= 0xFFE0 and <= 0xFFE7 => true,
        >= 0x1F000 and <= 0x1FAFF => true, // symbols and emoji
        >= 0x20000 and <= 0x3FFFD => true, // ideographs of the supplementary planes
        _ => false,
    };
}
