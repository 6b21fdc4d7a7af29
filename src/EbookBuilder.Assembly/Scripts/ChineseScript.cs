namespace EbookBuilder.Assembly.Scripts;

/// <summary>The Chinese script a book is converted to (<c>--script</c>).</summary>
public enum ChineseScript
{
    /// <summary>Simplified characters (OpenCC t2s); the book's language becomes zh-Hans.</summary>
    Simplified,
    /// <summary>Traditional characters, OpenCC's standard (s2t); zh-Hant.</summary>
    Traditional,
    /// <summary>Traditional as written in Taiwan, with Taiwan's words (s2twp: 软件 → 軟體); zh-TW.</summary>
    Taiwan,
    /// <summary>Traditional as written in Hong Kong (s2hk); zh-HK.</summary>
    HongKong,
}

/// <summary>The scripts' names on the command line and in book.toml, their languages and OpenCC configurations.</summary>
public static class ChineseScripts
{
    /// <summary>The names, as <c>--script</c> and <c>[book] script</c> take them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["simplified", "traditional", "taiwan", "hongkong"];

    /// <summary>The script a name stands for, or null.</summary>
    public static ChineseScript? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "simplified" => ChineseScript.Simplified,
        "traditional" => ChineseScript.Traditional,
        "taiwan" => ChineseScript.Taiwan,
        "hongkong" => ChineseScript.HongKong,
        _ => null,
    };

    /// <summary>The book's language once converted (BCP 47).</summary>
    public static string Language(this ChineseScript script) => script switch
    {
        ChineseScript.Simplified => "zh-Hans",
        ChineseScript.Traditional => "zh-Hant",
        ChineseScript.Taiwan => "zh-TW",
        _ => "zh-HK",
    };

    /// <summary>OpenCC's configuration for converting to the script, from simplified (or, for simplified, from traditional).</summary>
    internal static string OpenCcConfiguration(this ChineseScript script) => script switch
    {
        ChineseScript.Simplified => "t2s.json",
        ChineseScript.Traditional => "s2t.json",
        ChineseScript.Taiwan => "s2twp.json",
        _ => "s2hk.json",
    };
}
