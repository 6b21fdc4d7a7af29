using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using EbookBuilder.Model.Diagnostics;

namespace EbookBuilder.Pipeline;

/// <summary>The machine-readable account of a build (--report FILE.json); later stages add to it.</summary>
public sealed record BuildReport(
    [property: JsonPropertyName("articles")] int Articles,
    [property: JsonPropertyName("chapters")] IReadOnlyList<BuildReport.ChapterEntry> Chapters,
    [property: JsonPropertyName("warnings")] IReadOnlyList<BuildReport.DiagnosticEntry> Warnings,
    [property: JsonPropertyName("errors")] IReadOnlyList<BuildReport.DiagnosticEntry> Errors,
    [property: JsonPropertyName("outputs")] IReadOnlyList<OutputFile> Outputs,
    [property: JsonPropertyName("timings")] IReadOnlyDictionary<string, long> Timings)
{
    /// <summary>A chapter and its article count.</summary>
    public sealed record ChapterEntry(
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("articles")] int Articles);

    /// <summary>One diagnostic.</summary>
    public sealed record DiagnosticEntry(
        [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("file")] string? File,
        [property: JsonPropertyName("line")] int? Line);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep Chinese readable
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>The report of a finished build.</summary>
    public static BuildReport From(BuildResult result) => new(
        result.Book.Chapters.Sum(c => c.Articles.Count),
        result.Book.Chapters.Select(c => new ChapterEntry(c.Title, c.Articles.Count)).ToList(),
        Entries(result.Diagnostics, Severity.Warning),
        Entries(result.Diagnostics, Severity.Error),
        result.Outputs,
        result.TimingsMs);

    /// <summary>Writes the report as JSON, atomically.</summary>
    public void Save(string path) =>
        AtomicFile.Write(path, s => JsonSerializer.Serialize(s, this, Json), CancellationToken.None);

    private static List<DiagnosticEntry> Entries(IReadOnlyList<Diagnostic> diagnostics, Severity severity) =>
        diagnostics.Where(d => d.Severity == severity)
            .Select(d => new DiagnosticEntry(d.Code, d.Message, d.Where?.File, d.Where is { Line: > 0 } w ? w.Line : null))
            .ToList();
}
