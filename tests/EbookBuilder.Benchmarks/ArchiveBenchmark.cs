using System.Diagnostics;
using System.Text.Json;

namespace EbookBuilder.Benchmarks;

/// <summary>
/// A whole archive as one book per category folder, both formats, no images: `ebook build
/// pages/* --split chapter` in one process, against one process per folder run one after the
/// other and two at a time (what a shell loop or `xargs -P2` does). Three runs of each, medians;
/// the targets are 30 s and 400 MB for the one process on this 2-core machine.
/// </summary>
internal static class ArchiveBenchmark
{
    public static void Run(string pages)
    {
        var folders = Directory.GetDirectories(pages).Order(StringComparer.Ordinal).ToList();
        var work = Path.Combine(Path.GetTempPath(), "ebook-archive-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            Console.WriteLine($"{folders.Count} folders of {pages}, {folders.Sum(f => Directory.GetFiles(f, "*.md").Length)} article files; three runs of each way, medians");
            var one = Median(Enumerable.Range(0, 3).Select(i => OneProcess(folders, Path.Combine(work, $"one-{i}"))).ToList());
            var serial = Median(Enumerable.Range(0, 3).Select(i => PerFolder(folders, Path.Combine(work, $"serial-{i}"), 1)).ToList());
            var paired = Median(Enumerable.Range(0, 3).Select(i => PerFolder(folders, Path.Combine(work, $"paired-{i}"), 2)).ToList());
            Console.WriteLine();
            Console.WriteLine("| archive, one book per folder, EPUB + PDF, no images | books | wall s | peak MB (largest process) | PDF pages |");
            Console.WriteLine("|---|---|---|---|---|");
            Console.WriteLine($"| ebook build pages/* --split chapter (one process) | {one.Books} | {one.Seconds:0.0} | {one.PeakMb} | {one.Pages} |");
            Console.WriteLine($"| ebook build FOLDER, one process per folder, one at a time | {serial.Books} | {serial.Seconds:0.0} | {serial.PeakMb} | {serial.Pages} |");
            Console.WriteLine($"| the same, two processes at a time | {paired.Books} | {paired.Seconds:0.0} | {paired.PeakMb} (each) | {paired.Pages} |");
            Console.WriteLine($"one process is {serial.Seconds / one.Seconds:0.0}x faster than a process per folder ({paired.Seconds / one.Seconds:0.0}x against two at a time); " +
                $"targets: at most 30 s ({(one.Seconds <= 30 ? "met" : "NOT met")}) and 400 MB ({(one.PeakMb <= 400 ? "met" : "NOT met")})");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private sealed record Result(int Books, double Seconds, long PeakMb, long Pages);

    private static Result Median(List<Result> runs) => runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2) with { PeakMb = runs.Select(r => r.PeakMb).Order().ElementAt(runs.Count / 2) };

    private static Result OneProcess(IReadOnlyList<string> folders, string output)
    {
        var clock = Stopwatch.StartNew();
        var report = Build([.. folders, "--split", "chapter"], output);
        var seconds = clock.Elapsed.TotalSeconds;
        var pdfs = report.GetProperty("outputs").EnumerateArray().Where(o => o.GetProperty("format").GetString() == "pdf").ToList();
        return new Result(pdfs.Count, seconds, report.GetProperty("timings").GetProperty("peakMemoryMB").GetInt64(), pdfs.Sum(o => o.GetProperty("pages").GetInt64()));
    }

    private static Result PerFolder(IReadOnlyList<string> folders, string output, int atOnce)
    {
        var clock = Stopwatch.StartNew();
        var reports = new JsonElement[folders.Count];
        Parallel.For(0, folders.Count, new ParallelOptions { MaxDegreeOfParallelism = atOnce }, i => reports[i] = Build([folders[i]], Path.Combine(output, i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var seconds = clock.Elapsed.TotalSeconds;
        return new Result(folders.Count, seconds, reports.Max(r => r.GetProperty("timings").GetProperty("peakMemoryMB").GetInt64()), reports.Sum(r => r.GetProperty("pdf").GetProperty("pages").GetInt64()));
    }

    private static JsonElement Build(IReadOnlyList<string> inputs, string output)
    {
        Directory.CreateDirectory(output);
        var report = Path.Combine(output, "report.json");
        var start = new ProcessStartInfo(InstalledTool.Path, ["build", .. inputs, "-o", output, "--no-images", "--report", report, "--quiet", "--format", "epub,pdf"]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"the build of {string.Join(' ', inputs.Take(3))} failed ({process.ExitCode}): {stderr}");
        return JsonDocument.Parse(File.ReadAllText(report)).RootElement.Clone();
    }
}
