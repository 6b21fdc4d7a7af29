namespace EbookBuilder.Model.Text;

/// <summary>
/// Which characters are East Asian wide (Han, kana, CJK punctuation, full-width forms, and the
/// quotes, dashes and dots Chinese text sets full-width). Ingest uses it for the CSS segment-break
/// rule, the PDF engine for line breaking and spacing.
/// </summary>
public static class EastAsianWidth
{
    /// <summary>Whether the code point is set full-width in Chinese text.</summary>
    public static bool IsWide(int c) =>
        c is >= 0x2E80 and <= 0x2FDF or >= 0x3000 and <= 0x303F or >= 0x3040 and <= 0x30FF or >= 0x3100 and <= 0x312F
            or >= 0x31A0 and <= 0x33FF or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF01 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFF
            or 0x2014 or 0x2026 or 0x201C or 0x201D or 0x2018 or 0x2019 or 0x00B7;
}
