using System.Globalization;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Pipeline;

namespace EbookBuilder.Cli;

/// <summary>The few lines a person reads after a build: what went in, what came out, what to look at.</summary>
internal static class BuildSummary
{
    public static void Write(TextWriter stdout, BuildResult result)
    {
        var book = result.Book;
        var duplicates = result.Diagnostics.Count(d => d.Code == DiagnosticCodes.DuplicateArticle);
        var warnings = result.Diagnostics.Count(d => d.Severity == Severity.Warning);
        var img = result.Images.Statistics;
        stdout.WriteLine($"{book.Chapters.Count} chapters, {book.Articles.Count()} articles" +
            (duplicates > 0 ? $" ({duplicates} duplicate(s) left out)" : "") + $": {book.Metadata.Title}");
        stdout.WriteLine($"  images    {img.Found - img.Failed} ok ({img.FromCache} cached, {img.Downloaded} downloaded, {img.Converted} converted) / {result.ImageFailures.Count} failed, {Size(img.BytesOut)}");
        var faces = result.Fonts.Faces;
        stdout.WriteLine(faces.Count == 0
            ? "  fonts     none embedded"
            : $"  fonts     {string.Join("; ", faces.Select(f => $"{f.Family} {f.Weight}: {f.Codepoints.Count} chars, {Size(f.Bytes.Length)}"))}; {result.Fonts.Uncovered.Count} uncovered characters");
        stdout.WriteLine($"  warnings  {warnings}" + (warnings > 0 ? " (listed above; --report FILE.json has them all)" : ""));
        foreach (var output in result.Outputs)
        {
            var pages = output.Pages > 0 ? $", {output.Pages} pages" : "";
            stdout.WriteLine($"wrote {output.Path} ({output.Bytes:N0} bytes{pages})");
        }
        var stages = new[] { "read", "images", "fonts" }.Concat(EbookBuilder.Pipeline.Writers.BookWriters.All.Select(w => w.Format)).Where(result.TimingsMs.ContainsKey)
            .Select(s => $"{s} {Seconds(result.TimingsMs[s])}");
        stdout.WriteLine($"  time      {Seconds(result.TimingsMs["total"])} s ({string.Join(", ", stages)})");
    }

    private static string Seconds(long ms) => (ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes >= 1 << 20
        ? (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB";
}
