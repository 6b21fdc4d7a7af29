using System.Text.Json;
using System.Text.Json.Serialization;

namespace EbookBuilder.Pdf;

/// <summary>
/// The PDF's typographic settings, read from styles/pdf-theme.json: page size and margins, font
/// sizes, line height, indent, spacing, colours. The body values match styles/epub.css.
/// </summary>
public sealed record PdfTheme
{
    /// <summary>A3–A6, B4–B6, Letter, half-letter, ereader (90×120 mm) or WxHmm.</summary>
    public string PageSize { get; init; } = "A5";
    /// <summary>Top margin in mm.</summary>
    public float MarginTopMm { get; init; } = 18;
    /// <summary>Bottom margin in mm.</summary>
    public float MarginBottomMm { get; init; } = 18;
    /// <summary>Inside margin in mm.</summary>
    public float MarginInsideMm { get; init; } = 16;
    /// <summary>Outside margin in mm.</summary>
    public float MarginOutsideMm { get; init; } = 16;
    /// <summary>Body text size in points.</summary>
    public float BodySize { get; init; } = 10.5f;
    /// <summary>Line height as a multiple of the font size.</summary>
    public float LineHeight { get; init; } = 1.75f;
    /// <summary>Space after a paragraph, in em.</summary>
    public float ParagraphSpacingEm { get; init; } = 0.35f;
    /// <summary>First-line indent of body paragraphs, in em.</summary>
    public float FirstLineIndentEm { get; init; } = 2;
    /// <summary>Article title size.</summary>
    public float ArticleTitleSize { get; init; } = 15;
    /// <summary>Chapter title size.</summary>
    public float ChapterTitleSize { get; init; } = 20;
    /// <summary>Heading size.</summary>
    public float HeadingSize { get; init; } = 12;
    /// <summary>Caption size.</summary>
    public float CaptionSize { get; init; } = 8.5f;
    /// <summary>Size of the line under an article title.</summary>
    public float MetaSize { get; init; } = 8.5f;
    /// <summary>Running header and page number size.</summary>
    public float HeaderFooterSize { get; init; } = 7.5f;
    /// <summary>The tallest a figure's image may be, as a part of the text height.</summary>
    public float FigureMaxHeightRatio { get; init; } = 0.6f;
    /// <summary>Images are never drawn larger than their pixels at this resolution.</summary>
    public float ImageDpi { get; init; } = 150;
    /// <summary>Text colour.</summary>
    public string TextColor { get; init; } = "#222222";
    /// <summary>Colour of meta lines, captions, headers.</summary>
    public string MetaColor { get; init; } = "#666666";
    /// <summary>Colour of rules.</summary>
    public string RuleColor { get; init; } = "#999999";
    /// <summary>Colour of links.</summary>
    public string LinkColor { get; init; } = "#1a4d80";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>Reads a theme file; a missing file gives the defaults.</summary>
    public static PdfTheme Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<PdfTheme>(File.ReadAllText(path), Json) ?? new PdfTheme() : new PdfTheme();

    /// <summary>Every setting by its JSON name: numbers as doubles, colours and the page size as strings.</summary>
    public IReadOnlyDictionary<string, object> Values() =>
        JsonSerializer.SerializeToNode(this, Json)!.AsObject().ToDictionary(
            kv => kv.Key,
            kv => kv.Value!.GetValueKind() == JsonValueKind.Number ? (object)double.Parse(kv.Value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) : kv.Value.GetValue<string>(),
            StringComparer.Ordinal);

    /// <summary>This theme with some settings replaced, by their JSON names (a book file's [pdf] section).</summary>
    public PdfTheme With(IReadOnlyDictionary<string, object> settings)
    {
        if (settings.Count == 0) return this;
        var node = JsonSerializer.SerializeToNode(this, Json)!.AsObject();
        foreach (var (key, value) in settings) node[key] = value switch { double d => System.Text.Json.Nodes.JsonValue.Create(d), _ => System.Text.Json.Nodes.JsonValue.Create(value.ToString()) };
        return node.Deserialize<PdfTheme>(Json) ?? this;
    }

    /// <summary>The page size in points.</summary>
    public static (float Width, float Height) PageSizePoints(string name)
    {
        const float mm = 72f / 25.4f;
        var (w, h) = name.ToLowerInvariant() switch
        {
            "a3" => (297f, 420f),
            "a4" => (210f, 297f),
            "a5" => (148f, 210f),
            "a6" => (105f, 148f),
            "b4" => (250f, 353f),
            "b5" => (176f, 250f),
            "b6" => (125f, 176f),
            "letter" => (215.9f, 279.4f),
            "half-letter" or "statement" => (139.7f, 215.9f),
            "ereader" or "6in" or "e-reader" => (90f, 120f),
            var custom when System.Text.RegularExpressions.Regex.Match(custom, @"^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)mm$") is { Success: true } m
                => (float.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), float.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"unknown page size '{name}': use A3, A4, A5, A6, B4, B5, B6, Letter, half-letter, ereader or WxHmm (e.g. 90x120mm)"),
        };
        return (w * mm, h * mm);
    }
}
