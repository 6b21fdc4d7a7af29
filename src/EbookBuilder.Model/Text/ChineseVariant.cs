namespace EbookBuilder.Model.Text;

/// <summary>Which written variant of Chinese a language tag asks for.</summary>
public static class ChineseVariant
{
    /// <summary>Whether the tag is Chinese in traditional characters: zh-Hant…, zh-TW, zh-HK, zh-MO.</summary>
    public static bool IsTraditional(string language) =>
        new[] { "zh-Hant", "zh-TW", "zh-HK", "zh-MO" }.Any(tag => language.StartsWith(tag, StringComparison.OrdinalIgnoreCase));
}
