using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline;

/// <summary>The machine-readable account of a build (--report FILE.json); later stages add to it.</summary>
public sealed record BuildReport(
    [property: JsonPropertyName("articles")] int Articles,
    [property: JsonPropertyName("chapters")] IReadOnlyList<BuildReport.ChapterEntry> Chapters,
    [property: JsonPropertyName("warnings")] IReadOnlyList<BuildReport.DiagnosticEntry> Warnings,
    [property: JsonPropertyName("errors")] IReadOnlyList<BuildReport.DiagnosticEntry> Errors,
    [property: JsonPropertyName("notes")] IReadOnlyList<BuildReport.DiagnosticEntry> Notes,
    [property: JsonPropertyName("outputs")] IReadOnlyList<OutputFile> Outputs,
    [property: JsonPropertyName("images")] BuildReport.ImageSection Images,
    [property: JsonPropertyName("captions")] BuildReport.CaptionSection Captions,
    [property: JsonPropertyName("videos")] int Videos,
    [property: JsonPropertyName("cleaning")] BuildReport.CleaningSection Cleaning,
    [property: JsonPropertyName("fonts")] IReadOnlyList<BuildReport.FontEntry> Fonts,
    [property: JsonPropertyName("uncovered")] IReadOnlyList<BuildReport.UncoveredEntry> Uncovered,
    [property: JsonPropertyName("pdf")] BuildReport.PdfSection? Pdf,
    [property: JsonPropertyName("timings")] IReadOnlyDictionary<string, long> Timings)
{
    /// <summary>Whether the build wrote its books (false: it stopped, and <see cref="Errors"/> says why).</summary>
    [JsonPropertyName("ok")]
    public bool Ok { get; init; } = true;

    /// <summary>The settings the build used, each with the layer it came from (defaults, profile …, book.toml, command line).</summary>
    [JsonPropertyName("settings")]
    public IReadOnlyDictionary<string, SettingEntry>? Settings { get; init; }

    /// <summary>A setting's value, as book.toml writes it, and where it came from.</summary>
    public sealed record SettingEntry(
        [property: JsonPropertyName("value")] string Value,
        [property: JsonPropertyName("from")] string From);

    /// <summary>A chapter, its article count and the articles' titles in book order.</summary>
    public sealed record ChapterEntry(
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("articles")] int Articles,
        [property: JsonPropertyName("titles")] IReadOnlyList<string> Titles);

    /// <summary>One diagnostic.</summary>
    public sealed record DiagnosticEntry(
        [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("file")] string? File,
        [property: JsonPropertyName("line")] int? Line);

    /// <summary>What the image stage did.</summary>
    public sealed record ImageSection(
        [property: JsonPropertyName("found")] int Found,
        [property: JsonPropertyName("downloaded")] int Downloaded,
        [property: JsonPropertyName("fromCache")] int FromCache,
        [property: JsonPropertyName("converted")] int Converted,
        [property: JsonPropertyName("passedThrough")] int PassedThrough,
        [property: JsonPropertyName("embedded")] int Embedded,
        [property: JsonPropertyName("failed")] int Failed,
        [property: JsonPropertyName("bytesIn")] long BytesIn,
        [property: JsonPropertyName("bytesOut")] long BytesOut,
        [property: JsonPropertyName("requests")] int Requests,
        [property: JsonPropertyName("downloadMs")] long DownloadMs,
        [property: JsonPropertyName("convertMs")] long ConvertMs,
        [property: JsonPropertyName("failures")] IReadOnlyList<ImageFailureEntry> Failures);

    /// <summary>One image not in the book: where it was named and why it is missing.</summary>
    public sealed record ImageFailureEntry(
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("reason")] string Reason,
        [property: JsonPropertyName("articles")] IReadOnlyList<string> Articles);

    /// <summary>One embedded font face.</summary>
    public sealed record FontEntry(
        [property: JsonPropertyName("family")] string Family,
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("weight")] int Weight,
        [property: JsonPropertyName("characters")] int Characters,
        [property: JsonPropertyName("glyphs")] int Glyphs,
        [property: JsonPropertyName("subsetBytes")] int SubsetBytes,
        [property: JsonPropertyName("ms")] long Milliseconds);

    /// <summary>A character no font has, and where it occurs.</summary>
    public sealed record UncoveredEntry(
        [property: JsonPropertyName("character")] string Character,
        [property: JsonPropertyName("codepoint")] string Codepoint,
        [property: JsonPropertyName("articles")] IReadOnlyList<string> Articles);

    /// <summary>The PDF: pages, size, time and the fonts it embeds.</summary>
    public sealed record PdfSection(
        [property: JsonPropertyName("pages")] int Pages,
        [property: JsonPropertyName("bytes")] long Bytes,
        [property: JsonPropertyName("ms")] long Milliseconds,
        [property: JsonPropertyName("fonts")] IReadOnlyList<string> Fonts)
    {
        /// <summary>Pages that end below 60% of the text height though their chapter goes on.</summary>
        [JsonPropertyName("shortPages")]
        public long ShortPages { get; init; }

        /// <summary>Pages that end with a title or heading whose text is overleaf.</summary>
        [JsonPropertyName("strandedHeadings")]
        public long StrandedHeadings { get; init; }

        /// <summary>Body paragraphs of three lines or more ending with one character alone.</summary>
        [JsonPropertyName("loneLines")]
        public long LoneLines { get; init; }

        /// <summary>Justified body lines with more than a quarter em between two characters.</summary>
        [JsonPropertyName("looseLines")]
        public long LooseLines { get; init; }

        /// <summary>Body lines (not a paragraph's last) that justification's limits could not fill: set ragged rather than spaced out.</summary>
        [JsonPropertyName("raggedLines")]
        public long RaggedLines { get; init; }
    }

    /// <summary>Captions found (each is a figcaption in the book).</summary>
    public sealed record CaptionSection([property: JsonPropertyName("found")] int Found);

    /// <summary>What the cleaner dropped by rules of form (promotions at an article's edges), by rule.</summary>
    public sealed record CleaningSection([property: JsonPropertyName("dropped")] IReadOnlyList<DroppedEntry> Dropped);

    /// <summary>One rule: how many paragraphs it dropped, and the first of them with its file.</summary>
    public sealed record DroppedEntry(
        [property: JsonPropertyName("rule")] string Rule,
        [property: JsonPropertyName("count")] int Count,
        [property: JsonPropertyName("example")] string Example,
        [property: JsonPropertyName("file")] string File);

    /// <summary>Generated at compile time: serialising by reflection first cost 50 ms of every build with --report.</summary>
    private static readonly ReportJson Json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep Chinese readable
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    /// <summary>The report of a finished build.</summary>
    public static BuildReport From(BuildResult result) => new(
        result.Book.Chapters.Sum(c => c.Articles.Count),
        result.Book.Chapters.Select(c => new ChapterEntry(c.Title, c.Articles.Count, c.Articles.Select(a => a.Title).ToList())).ToList(),
        Entries(result.Diagnostics, Severity.Warning),
        Entries(result.Diagnostics, Severity.Error),
        Entries(result.Diagnostics, Severity.Info),
        result.Outputs,
        ImageSectionOf(result),
        new CaptionSection(result.Book.Articles.SelectMany(a => Figures.In(a.Blocks)).Count(f => f.Caption.Count > 0)),
        result.Book.Articles.SelectMany(a => Figures.In(a.Blocks)).Count(f => f.Kind == FigureKind.Video),
        new CleaningSection(result.Book.Articles.SelectMany(a => a.Dropped).GroupBy(d => d.Rule).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DroppedEntry(g.Key, g.Count(), g.First().Text.Length > 80 ? g.First().Text[..80] + "…" : g.First().Text, g.First().Source.File)).ToList()),
        result.Fonts.Faces.Select(f => new FontEntry(f.Family, f.SourceFile, f.Weight, f.Codepoints.Count, f.Glyphs, f.Bytes.Length, f.Milliseconds)).ToList(),
        result.Fonts.Uncovered.Select(u => new UncoveredEntry(char.ConvertFromUtf32(u.Codepoint), $"U+{u.Codepoint:X4}", u.Articles)).ToList(),
        result.Outputs.FirstOrDefault(o => o.Format == "pdf") is { } pdf
            ? new PdfSection(result.PdfPages, pdf.Bytes, result.TimingsMs.GetValueOrDefault("pdf"),
                result.Fonts.Faces.Select(f => $"{f.Family} {(f.Weight >= 700 ? "Bold" : "Regular")} (subset, {f.Glyphs} glyphs)").ToList())
            {
                ShortPages = result.TimingsMs.GetValueOrDefault("pdfShortPages"),
                StrandedHeadings = result.TimingsMs.GetValueOrDefault("pdfStrandedHeadings"),
                LoneLines = result.TimingsMs.GetValueOrDefault("pdfLoneLines"),
                LooseLines = result.TimingsMs.GetValueOrDefault("pdfLooseLines"),
                RaggedLines = result.TimingsMs.GetValueOrDefault("pdfRaggedLines"),
            }
            : null,
        result.TimingsMs)
    {
        Settings = result.Settings?.Values.ToDictionary(kv => kv.Key, kv => new SettingEntry(BuildSettings.Show(kv.Value.Value), kv.Value.From)),
    };

    /// <summary>
    /// The report of a build that stopped before it wrote a book (bad input, cancelled): its
    /// error, and nothing built. <paramref name="code"/> is the error's kind (the exit code's reason).
    /// </summary>
    public static BuildReport Failed(string code, string message) => new(0, [], [], [new DiagnosticEntry(code, message, null, null)], [], [],
        new ImageSection(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, []), new CaptionSection(0), 0, new CleaningSection([]), [], [], null,
        new Dictionary<string, long>())
    {
        Ok = false,
    };

    private static ImageSection ImageSectionOf(BuildResult result)
    {
        var s = result.Images.Statistics;
        var figures = result.Book.Articles.SelectMany(a => Figures.In(a.Blocks).Select(f => (Article: a, Figure: f))).ToList();
        var failures = result.ImageFailures.Select(f => new ImageFailureEntry(f.Location, f.Reason,
            figures.Where(x => x.Figure.Image?.Location == f.Location).Select(x => x.Article.Source.File).Distinct().ToList())).ToList();
        var embedded = figures.Count(x => x.Figure.Image is { } i && result.Images.Find(i.Location) is not null);
        return new ImageSection(figures.Count(x => x.Figure.Image is not null), s.Downloaded, s.FromCache, s.Converted, s.PassedThrough,
            embedded, failures.Count, s.BytesIn, s.BytesOut, s.Requests, s.DownloadMilliseconds, s.ConvertMilliseconds, failures);
    }

    /// <summary>Writes the report as JSON, atomically.</summary>
    public void Save(string path) =>
        AtomicFile.Write(path, s => JsonSerializer.Serialize(s, this, Json.BuildReport), CancellationToken.None);

    private static List<DiagnosticEntry> Entries(IReadOnlyList<Diagnostic> diagnostics, Severity severity) =>
        diagnostics.Where(d => d.Severity == severity)
            .Select(d => new DiagnosticEntry(d.Code, d.Message, d.Where?.File, d.Where is { Line: > 0 } w ? w.Line : null))
            .ToList();
}

/// <summary>The report's JSON, generated at compile time.</summary>
[JsonSerializable(typeof(BuildReport))]
internal sealed partial class ReportJson : JsonSerializerContext;

