using System.Globalization;
using EbookBuilder.Assembly.Scripts;
using EbookBuilder.Model.Text;
using EbookBuilder.Pipeline.Config;

namespace EbookBuilder.Pipeline;

/// <summary>
/// The settings of one build, resolved once from its layers, each overriding the one before:
/// defaults &lt; device profile &lt; book.toml &lt; command line. Typed accessors for what the
/// stages use; <see cref="Values"/> keeps every key's value and source for <c>--verbose</c> and the
/// report's <c>settings</c>.
/// </summary>
public sealed class BuildSettings
{
    /// <summary>The keys that are the PDF theme's (book.toml's <c>[pdf]</c> numbers and colours, and the profile's page half).</summary>
    private static IReadOnlyDictionary<string, BookFileSchema.Kind> ThemeKeys => BookFileSchema.ThemeKeys;

    private BuildSettings(IReadOnlyDictionary<string, Setting> values) => Values = values;

    /// <summary>Every key that any layer set, with its winning value and source.</summary>
    public IReadOnlyDictionary<string, Setting> Values { get; }

    /// <summary>The layers resolved, later ones winning key by key.</summary>
    public static BuildSettings Resolve(IEnumerable<SettingsLayer> layers)
    {
        var values = new SortedDictionary<string, Setting>(StringComparer.Ordinal);
        foreach (var layer in layers)
            foreach (var (key, value) in layer.Values) values[key] = new Setting(value, layer.From);
        return new BuildSettings(values);
    }

    /// <summary>The PDF page size (A4, A5, B5, Letter, ereader, WxHmm), or null for the theme's.</summary>
    public string? PageSize => Get<string>("page-size");

    /// <summary>The largest image size, or null for the image stage's own.</summary>
    public (int Width, int Height)? ImageMax => Values.TryGetValue("image-max", out var s) ? ((int, int))s.Value : null;

    /// <summary>
    /// The book's language (BCP 47). A script decides it when the language given is Chinese of the
    /// other variant (the default zh-CN, or a book file's, with <c>script = "taiwan"</c> gives zh-TW); a
    /// language that already names the script's variant (zh-Hant-MO for hongkong) stays, being more exact.
    /// </summary>
    public string Language
    {
        get
        {
            var given = Get<string>("language") ?? "zh-CN";
            return Script is { } script && given.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
                && ChineseVariant.IsTraditional(given) != (script != ChineseScript.Simplified)
                ? script.Language()
                : given;
        }
    }

    /// <summary>The Chinese script the book is converted to (<c>script</c>), or null to keep the articles' own.</summary>
    public ChineseScript? Script => Get<string>("script") is { } name ? ChineseScripts.Parse(name) : null;

    /// <summary>How quotation marks are written (<c>quotes</c>): as the articles have them unless set.</summary>
    public QuoteStyle Quotes => Get<string>("quotes") is { } name ? QuoteStyles.Parse(name) ?? QuoteStyle.Keep : QuoteStyle.Keep;

    /// <summary>Whether the book is set vertically (<c>vertical</c>): columns from right to left, pages turned to the left.</summary>
    public bool Vertical => Flag("vertical");

    /// <summary>Whether images are made grey.</summary>
    public bool Grayscale => Flag("grayscale");

    /// <summary>The formats to write.</summary>
    public OutputFormats Formats => Values.TryGetValue("formats", out var s) ? (OutputFormats)s.Value : OutputFormats.Epub;

    /// <summary>The largest volume in bytes (<c>split = "size:45MB"</c>), or null for one book.</summary>
    public long? SplitBytes => Get<string>("split") is { } split ? Volumes.ParseSplit(split) : null;

    /// <summary>Whether each chapter is a book of its own (<c>split = "chapter"</c>).</summary>
    public bool SplitByChapter => Get<string>("split") is { } split && Volumes.IsByChapter(split);

    /// <summary>How the PDF's pages are also put on sheets (<c>imposition = "booklet"</c> or <c>"2up"</c>): none unless set.</summary>
    public Pdf.Imposition.ImpositionKind Imposition => Get<string>("imposition") is { } name ? Impositions.Parse(name) ?? Pdf.Imposition.ImpositionKind.None : Pdf.Imposition.ImpositionKind.None;

    /// <summary>How far printing runs past the page's cut, in mm (<c>bleed = "3mm"</c>), for a print shop: crop marks and trim boxes; 0 for none.</summary>
    public float BleedMm => Get<string>("bleed") is { } bleed ? ParseBleed(bleed) ?? 0 : 0;

    /// <summary>A bleed as given: "3mm", "3 mm" or "3" (millimetres), from 0 to 20; null when it is none of them.</summary>
    public static float? ParseBleed(string text)
    {
        var value = text.Trim();
        if (value.EndsWith("mm", StringComparison.OrdinalIgnoreCase)) value = value[..^2].TrimEnd();
        return float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var mm) && mm is >= 0 and <= 20 ? mm : null;
    }

    /// <summary>How many columns the PDF's pages are set in (<c>columns</c>): 1 unless set.</summary>
    public int Columns => Values.TryGetValue("columns", out var s) ? Convert.ToInt32(s.Value, CultureInfo.InvariantCulture) : 1;

    /// <summary>Whether, in columns, an article's title is set across them all (<c>column-titles = "across"</c>, the default) rather than in its column (<c>"column"</c>).</summary>
    public bool TitlesAcross => Get<string>("column-titles") is not { } titles || ParseColumnTitles(titles) != false;

    /// <summary>The names <c>column-titles</c> takes.</summary>
    public static readonly IReadOnlyList<string> ColumnTitleNames = ["across", "column"];

    /// <summary>"across" (true) or "column" (false); null when it is neither.</summary>
    public static bool? ParseColumnTitles(string text) => text.Trim().ToLowerInvariant() switch
    {
        "across" => true,
        "column" => false,
        _ => null,
    };

    /// <summary>The sheets folded together in a booklet's signature (<c>signature</c>); 0: the whole booklet is one.</summary>
    public int Signature => Values.TryGetValue("signature", out var s) ? Convert.ToInt32(s.Value, CultureInfo.InvariantCulture) : 0;

    /// <summary>The body font (a file or a family name), or null for the bundled one.</summary>
    public string? Font => Get<string>("font");

    /// <summary>Whether the book embeds no fonts (readers use their own).</summary>
    public bool NoFonts => Flag("no-fonts");

    /// <summary>Whether the EPUB's fonts are obfuscated (IDPF algorithm).</summary>
    public bool ObfuscateFonts => Flag("obfuscate-fonts");

    /// <summary>
    /// The PDF theme's settings, by the theme's JSON name: the theme file's (the defaults layer) with
    /// what the profile, book.toml and command line replaced. The theme file is read once, by the resolver.
    /// </summary>
    public IReadOnlyDictionary<string, object> Theme =>
        Values.Where(kv => ThemeKeys.ContainsKey(kv.Key)).ToDictionary(kv => CamelCase(kv.Key), kv => kv.Value.Value, StringComparer.Ordinal);

    /// <summary>The name the defaults layer goes by.</summary>
    public const string DefaultsName = "defaults";

    private T? Get<T>(string key) where T : class => Values.TryGetValue(key, out var s) ? (T)s.Value : null;

    /// <summary>A yes/no setting; no when no layer sets it.</summary>
    private bool Flag(string key) => Values.TryGetValue(key, out var s) && (bool)s.Value;

    /// <summary>A value as the report and --verbose show it.</summary>
    public static string Show(object value) => value switch
    {
        (int w, int h) => $"{w}x{h}",
        double d => d.ToString(CultureInfo.InvariantCulture),
        float f => f.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        OutputFormats formats => string.Join(", ", Enum.GetValues<OutputFormats>().Where(f => f is not (OutputFormats.None or OutputFormats.All) && formats.HasFlag(f)).Select(f => f.ToString().ToLowerInvariant())),
        _ => value.ToString() ?? "",
    };

    /// <summary>A device profile as a layer: its page, margins, body size and images.</summary>
    public static SettingsLayer Layer(DeviceProfile profile) => new($"profile {profile.Name}", new Dictionary<string, object>
    {
        ["page-size"] = profile.PageSize,
        ["margin-top-mm"] = (double)profile.MarginTopMm,
        ["margin-bottom-mm"] = (double)profile.MarginBottomMm,
        ["margin-inside-mm"] = (double)profile.MarginInsideMm,
        ["margin-outside-mm"] = (double)profile.MarginOutsideMm,
        ["body-size"] = (double)profile.BodySize,
        ["image-max"] = (profile.ImageMaxWidth, profile.ImageMaxHeight),
        ["grayscale"] = profile.Grayscale,
        ["columns"] = profile.Columns,
    });

    /// <summary>A book.toml key as the theme's JSON name: body-size -> bodySize.</summary>
    internal static string CamelCase(string key)
    {
        var parts = key.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>A theme JSON name as book.toml's key: bodySize -> body-size.</summary>
    internal static string KebabCase(string name) => string.Concat(name.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
}
