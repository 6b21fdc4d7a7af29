using System.Diagnostics;
using System.Text.Json;

namespace EbookBuilder.Benchmarks;

/// <summary>
/// Peak memory of the same 300-article book (no images, EPUB and PDF) built by the installed
/// program with and without characters its bundled font lacks (an emoji, a symbol, a rare CJK
/// character): finding an installed face that has them must read only what it needs. Three
/// builds of each, medians; the faces it took are listed.
/// </summary>
internal static class FallbackMemory
{
    public static void Run()
    {
        var work = Path.Combine(Path.GetTempPath(), "ebook-fallback-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            SyntheticCorpus.Write(Path.Combine(work, "plain"), 300, 1);
            SyntheticCorpus.Write(Path.Combine(work, "uncovered"), 300, 1);
            var first = Directory.GetFiles(Path.Combine(work, "uncovered", "pages"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
            // Into the body of the first article (text after the article's footer is the mirror's junk).
            File.WriteAllText(first, File.ReadAllText(first).Replace("【示例日报", "提醒🔔，爱心❤，罕见字䄂。【示例日报"));
            Console.WriteLine("| book | builds | peak MB (median) | s (median) | faces |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var name in new[] { "plain", "uncovered" })
            {
                var runs = Enumerable.Range(0, 3).Select(_ => Build(Path.Combine(work, name))).OrderBy(r => r.PeakMb).ToList();
                var median = runs[1];
                Console.WriteLine($"| {name} | {runs.Count} | {median.PeakMb} | {runs.OrderBy(r => r.Seconds).ElementAt(1).Seconds:0.00} | {median.Faces} |");
                if (name == "uncovered" && !median.Faces.Contains("Symbola", StringComparison.Ordinal))
                    Console.WriteLine("(no installed face was taken for the added characters: install fonts-symbola and fonts-hanazono to measure the fallback)");
            }
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    private static (long PeakMb, double Seconds, string Faces) Build(string book)
    {
        var report = Path.Combine(book, "report.json");
        var start = new ProcessStartInfo(InstalledTool.Path, ["build", Path.Combine(book, "pages"), "--title", "回退", "-o", Path.Combine(book, "out"),
            "--no-images", "--report", report, "--quiet", "--format", "all"]) { RedirectStandardError = true };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"the build failed ({process.ExitCode}): {stderr}");
        var json = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        var faces = string.Join(", ", json.GetProperty("fonts").EnumerateArray().Select(f => $"{f.GetProperty("family").GetString()} {f.GetProperty("weight").GetInt32()}: {f.GetProperty("characters").GetInt32()} chars"));
        return (json.GetProperty("timings").GetProperty("peakMemoryMB").GetInt64(), clock.Elapsed.TotalSeconds, faces);
    }
}
