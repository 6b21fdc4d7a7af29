using System.Diagnostics;
using System.Globalization;

namespace EbookBuilder.Benchmarks;

/// <summary>
/// The tools users have today, on the same articles with the same images served on loopback and
/// the same font: pandoc to EPUB, and pandoc to HTML then WeasyPrint to PDF. Each runs under
/// /usr/bin/time for its wall time and peak memory. Skipped, with a line saying so, when missing.
/// </summary>
internal static class Peers
{
    public static void Compare(string work, Run ebook)
    {
        var files = Directory.GetFiles(Path.Combine(work, "pages"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var font = Path.Combine(AppContext.BaseDirectory, "fonts", "LXGWWenKai-Regular.ttf");
        var css = Path.Combine(work, "peer.css");
        File.WriteAllText(css, $"@font-face {{ font-family: 'LXGW WenKai'; src: url('file://{font}'); }}\nbody {{ font-family: 'LXGW WenKai'; }}\n");
        var outDir = Path.Combine(work, "peers");
        Directory.CreateDirectory(outDir);
        Console.WriteLine();
        if (!Installed("pandoc") || !File.Exists("/usr/bin/time"))
        {
            Console.WriteLine("peers: pandoc or /usr/bin/time is not installed (apt-get install pandoc weasyprint time): no comparison");
            return;
        }
        var epub = Path.Combine(outDir, "peer.epub");
        var pandocEpub = Time("pandoc", ["-f", "markdown", "-o", epub, "--metadata", "title=基准", "--css", css, "--epub-embed-font", font, .. files]);
        (double Seconds, long PeakMb)? pdf = null;
        if (Installed("weasyprint"))
        {
            var html = Path.Combine(outDir, "peer.html");
            var toHtml = Time("pandoc", ["-f", "markdown", "-s", "-o", html, "--metadata", "title=基准", "--css", css, .. files]);
            var toPdf = Time("weasyprint", [html, Path.Combine(outDir, "peer.pdf")]);
            pdf = (toHtml.Seconds + toPdf.Seconds, Math.Max(toHtml.PeakMb, toPdf.PeakMb));
        }
        Console.WriteLine("| tool | wall s | peak MB | output MB |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| ebook (EPUB + PDF, cold) | {ebook.Wall.TotalSeconds:0.0} | {ebook.PeakMb} | {(ebook.EpubBytes + ebook.PdfBytes) / 1048576.0:0.0} |");
        Console.WriteLine($"| pandoc → EPUB | {pandocEpub.Seconds:0.0} | {pandocEpub.PeakMb} | {new FileInfo(epub).Length / 1048576.0:0.0} |");
        if (pdf is { } p)
        {
            Console.WriteLine($"| pandoc + WeasyPrint → PDF | {p.Seconds:0.0} | {p.PeakMb} | {new FileInfo(Path.Combine(outDir, "peer.pdf")).Length / 1048576.0:0.0} |");
            Console.WriteLine($"ebook is {(pandocEpub.Seconds + p.Seconds) / ebook.Wall.TotalSeconds:0.0}x faster than pandoc's EPUB plus WeasyPrint's PDF");
        }
        else
        {
            Console.WriteLine("WeasyPrint is not installed: no PDF comparison");
        }
    }

    /// <summary>
    /// The Kindle book: our AZW3 (the writer's stage, and the whole build from a warm image cache)
    /// against calibre's <c>ebook-convert</c> of our own EPUB to AZW3, the same book.
    /// </summary>
    public static void Kindle(string work, string cache)
    {
        Console.WriteLine();
        var outDir = Path.Combine(work, "kindle");
        var report = Path.Combine(work, "kindle.json");
        var ours = Time(InstalledTool.Path, ["build", Path.Combine(work, "pages"), "--title", "基准", "-o", outDir, "--cache-dir", cache,
            "--report", report, "--quiet", "--format", "epub,azw3"]);
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        var stage = json.GetProperty("timings").GetProperty("azw3").GetInt64() / 1000.0;
        var azw3 = new FileInfo(Path.Combine(outDir, "基准.azw3")).Length;
        Console.WriteLine("| Kindle book (AZW3) | wall s | peak MB | output MB |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| ebook, the AZW3 writer's stage | {stage:0.0} | | {azw3 / 1048576.0:0.0} |");
        Console.WriteLine($"| ebook build -f epub,azw3 (warm image cache) | {ours.Seconds:0.0} | {ours.PeakMb} | |");
        if (!Installed("ebook-convert"))
        {
            Console.WriteLine("calibre is not installed (apt-get install calibre): no AZW3 comparison");
            return;
        }
        var peer = Path.Combine(outDir, "calibre.azw3");
        var calibre = Time("ebook-convert", [Path.Combine(outDir, "基准.epub"), peer]);
        Console.WriteLine($"| calibre ebook-convert EPUB → AZW3 | {calibre.Seconds:0.0} | {calibre.PeakMb} | {new FileInfo(peer).Length / 1048576.0:0.0} |");
        Console.WriteLine($"our AZW3 writer is {calibre.Seconds / Math.Max(0.01, stage):0.0}x faster than calibre's conversion of the same EPUB");
    }

    private static bool Installed(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));

    private static (double Seconds, long PeakMb) Time(string program, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo("/usr/bin/time", ["-f", "%e %M", program, .. args]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        var last = stderr.Trim().Split('\n')[^1].Split(' ');
        if (last.Length != 2 || !double.TryParse(last[0], CultureInfo.InvariantCulture, out var seconds))
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {stderr[..Math.Min(stderr.Length, 2000)]}");
        return (seconds, long.Parse(last[1], CultureInfo.InvariantCulture) / 1024);
    }
}
