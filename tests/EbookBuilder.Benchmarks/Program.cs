using System.Diagnostics;
using System.Net;
using System.Text.Json;
using EbookBuilder.Benchmarks;

// End-to-end benchmark: a generated corpus of N articles and N images served on loopback, built by
// the real `ebook` program in a child process (so its own peak memory is measured): a cold build,
// then a rebuild from the image cache; three such pairs, each with its own cache, and the medians
// (this machine's speed drifts by a fifth over minutes: the pairs interleave, so a slow spell
// slows both sides). Prints per-stage times, rates, peak memory and sizes.
//   dotnet run -c Release --project tests/EbookBuilder.Benchmarks -- [--articles 600]
//   ... -- --sweep 300,600,1200,2400     peak memory as the book grows
//   ... -- --micro                       BenchmarkDotNet over the hot paths (HotPaths.cs)
//   ... -- --long-token                  line breaking of one token of 100 KB to 1 MB
//   ... -- --fallback                    peak memory with and without characters the bundled font lacks
//   ... -- --articles 60 --compare       also pandoc (EPUB) and pandoc + WeasyPrint (PDF), and calibre
//                                        (EPUB → AZW3) against our AZW3 writer, when installed
//   ... -- --archive ../shared/corpus/pages  one book per folder: --split chapter in one process
//                                        against a process per folder
//   ... -- --corpus ../shared/corpus [--compare]   the real articles instead, their images served on
//                                        loopback by ../shared/tools/localize-corpus.py
if (args.Contains("--fallback"))
{
    FallbackMemory.Run();
    return;
}
if (args.SkipWhile(a => a != "--archive").Skip(1).FirstOrDefault() is { } archive)
{
    ArchiveBenchmark.Run(Path.GetFullPath(archive));
    return;
}
if (args.Contains("--long-token"))
{
    LongToken.Run();
    return;
}
if (args.Contains("--micro"))
{
    HotPaths.Run();
    return;
}
var articles = args.SkipWhile(a => a != "--articles").Skip(1).Select(int.Parse).DefaultIfEmpty(600).First();
var sweep = args.SkipWhile(a => a != "--sweep").Skip(1).Take(1).SelectMany(a => a.Split(',')).Select(int.Parse).ToList();
if (sweep.Count > 0)
{
    // Memory as the book grows: the same generated articles at several sizes, cold and warm.
    var rows = sweep.Select(n => (n, Measure(n, pairs: 1))).ToList();
    Console.WriteLine();
    Console.WriteLine("| articles | PDF pages | cold s | warm s | cold peak MB | warm peak MB | warm pages/s |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    foreach (var (n, (cold, warm)) in rows)
        Console.WriteLine($"| {n} | {warm.Pages} | {cold.Wall.TotalSeconds:0.0} | {warm.Wall.TotalSeconds:0.0} | {cold.PeakMb} | {warm.PeakMb} | {warm.PagesPerSecond:0} |");
    return;
}
var compare = args.Contains("--compare");
var corpus = args.SkipWhile(a => a != "--corpus").Skip(1).FirstOrDefault();
if (corpus is null) SubsetBenchmark.Run(Path.Combine(AppContext.BaseDirectory, "fonts", "LXGWWenKai-Regular.ttf"));
var (coldRun, warmRun) = corpus is null ? Measure(articles, compare) : MeasureCorpus(Path.GetFullPath(corpus), compare);
articles = coldRun.Articles;
Console.WriteLine();
Console.WriteLine($"| run | wall s | read ms | images ms | fonts ms | epub ms | pdf ms | PDF pages | pages/s | articles/s | images/s | peak MB | EPUB MB | PDF MB |");
Console.WriteLine($"|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var run in new[] { coldRun, warmRun }) Console.WriteLine(run.Row(articles));
Console.WriteLine();
Console.WriteLine($"images: {coldRun.Images.GetProperty("embedded").GetInt32()} embedded, {coldRun.Images.GetProperty("converted").GetInt32()} converted, " +
    $"{coldRun.Images.GetProperty("passedThrough").GetInt32()} passed through untouched, {coldRun.Images.GetProperty("failed").GetInt32()} failed; " +
    $"summed over images: {coldRun.Images.GetProperty("downloadMs").GetInt64()} ms fetching, {coldRun.Images.GetProperty("convertMs").GetInt64()} ms converting; " +
    $"rebuild {coldRun.Wall.TotalSeconds / warmRun.Wall.TotalSeconds:0.0}x faster than the cold build (medians of three pairs), {warmRun.Images.GetProperty("requests").GetInt32()} requests");

// The real articles of a corpus folder (pages/<category>/*.md), copied with their remote images
// rewritten to loopback and served by the corpus's own tool; builds cold, then from the image cache.
static (Run Cold, Run Warm) MeasureCorpus(string corpus, bool compare)
{
    var tool = Path.Combine(Path.GetDirectoryName(corpus.TrimEnd('/'))!, "tools", "localize-corpus.py");
    if (!File.Exists(tool)) throw new InvalidOperationException($"{tool} not found: --corpus needs the corpus folder beside tools/");
    var work = Path.Combine(Path.GetTempPath(), "ebook-bench-corpus-" + Guid.NewGuid().ToString("N")[..8]);
    var port = FreePort();
    Console.WriteLine($"localizing {corpus} into {work} (images on port {port}) ...");
    Python(tool, [Path.Combine(corpus, "pages"), Path.Combine(work, "pages"), "--port", port.ToString()]).WaitForExit();
    // The tool writes the images under pages/_www; they are served, not articles.
    Directory.Move(Path.Combine(work, "pages", "_www"), Path.Combine(work, "_www"));
    using var server = Python(tool, ["--serve", work, "--port", port.ToString()]);
    try
    {
        server.StandardOutput.ReadLine(); // "serving …": listening
        var (cold, warm) = Pairs(work, 3);
        if (compare)
        {
            Peers.Compare(work, cold);
            Peers.Kindle(work, Path.Combine(work, "cache-0"));
        }
        Makeup(work);
        return (cold, warm);
    }
    finally
    {
        server.Kill();
        if (Environment.GetEnvironmentVariable("EBOOK_BENCH_KEEP") == "1") Console.WriteLine($"kept {work}");
        else Directory.Delete(work, recursive: true);
    }
}

static Process Python(string script, IReadOnlyList<string> args)
{
    // Debian's python3 has PIL (python3-pil), which the corpus tool needs.
    var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    return Process.Start(new ProcessStartInfo(python, [script, .. args]) { RedirectStandardOutput = true })!;
}

// Generates N articles with N images served on loopback; builds cold, then from the image cache.
static (Run Cold, Run Warm) Measure(int articles, bool compare = false, int pairs = 3)
{
    var work = Path.Combine(Path.GetTempPath(), "ebook-bench-" + Guid.NewGuid().ToString("N")[..8]);
    Directory.CreateDirectory(work);
    try
    {
        var port = FreePort();
        Console.WriteLine($"generating {articles} articles and {articles} images in {work} ...");
        var images = SyntheticCorpus.Write(work, articles, port).ToDictionary(i => i.Path, i => i.Bytes);
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); } catch (Exception) { return; }
                _ = Task.Run(async () =>
                {
                    var body = images.GetValueOrDefault(context.Request.Url!.AbsolutePath);
                    context.Response.StatusCode = body is null ? 404 : 200;
                    context.Response.ContentType = "image/jpeg";
                    // With a length, as a web server sends a file. Without one the body is chunked,
                    // and its small last chunk waits for the client's delayed ACK: 40 ms an image,
                    // which was most of pandoc's and WeasyPrint's time (they fetch one at a time).
                    context.Response.ContentLength64 = body?.Length ?? 0;
                    if (body is not null) await context.Response.OutputStream.WriteAsync(body);
                    context.Response.Close();
                });
            }
        });
        ServerLatency($"http://127.0.0.1:{port}", images.Keys);

        var (cold, warm) = Pairs(work, pairs);
        if (compare)
        {
            Peers.Compare(work, cold);
            Peers.Kindle(work, Path.Combine(work, "cache-0"));
        }
        listener.Stop();
        return (cold, warm);
    }
    finally
    {
        if (Environment.GetEnvironmentVariable("EBOOK_BENCH_KEEP") == "1") Console.WriteLine($"kept {work}");
        else Directory.Delete(work, recursive: true);
    }
}

// The image server's own time per image, fetched one at a time over one connection as pandoc and
// WeasyPrint fetch: a slow server would be measured as a slow tool.
static void ServerLatency(string server, IEnumerable<string> paths)
{
    using var client = new HttpClient();
    var times = new List<double>();
    foreach (var path in paths.Order(StringComparer.Ordinal).Take(100))
    {
        var clock = Stopwatch.StartNew();
        client.GetByteArrayAsync(server + path).GetAwaiter().GetResult();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"image server: {times[times.Count / 2]:0.0} ms median, {times[^1]:0.0} ms slowest, per image fetched one at a time ({times.Count} images)");
}

// Cold build then rebuild from its image cache, `pairs` times over (a fresh cache each time): the
// median of each side, and each pair's ratio printed.
static (Run Cold, Run Warm) Pairs(string work, int pairs)
{
    var runs = new List<(Run Cold, Run Warm)>();
    for (var i = 0; i < pairs; i++)
    {
        var cache = Path.Combine(work, $"cache-{i}");
        runs.Add((Build("cold", work, cache), Build("warm (image cache)", work, cache)));
    }
    if (pairs > 1)
        Console.WriteLine("pairs (cold / warm s): " + string.Join(", ", runs.Select(r => $"{r.Cold.Wall.TotalSeconds:0.00} / {r.Warm.Wall.TotalSeconds:0.00} = {r.Cold.Wall / r.Warm.Wall:0.0}x")));
    Run Median(IEnumerable<Run> side) => side.OrderBy(r => r.Wall).ElementAt(pairs / 2);
    return (Median(runs.Select(r => r.Cold)), Median(runs.Select(r => r.Warm)));
}

// Each build starts with the disk written out (`sync`), so that none pays for the writing the one
// before it left in the page cache (the cold build leaves 120 MB).
static void Settle()
{
    if (!File.Exists("/bin/sync")) return;
    using var sync = Process.Start(new ProcessStartInfo("/bin/sync"))!;
    sync.WaitForExit();
}

static Run Build(string name, string work, string cache)
{
    Settle();
    var report = Path.Combine(work, name.Split(' ')[0] + ".json");
    var cli = InstalledTool.Path;
    var start = new ProcessStartInfo(cli, ["build", Path.Combine(work, "pages"), "--title", "基准", "-o", Path.Combine(work, "out"),
        "--cache-dir", cache, "--report", report, "--quiet", "--format", "all"]) { RedirectStandardError = true };
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var stderr = process.StandardError.ReadToEnd();
    process.WaitForExit();
    var wall = clock.Elapsed;
    if (process.ExitCode != 0) throw new InvalidOperationException($"{name} build failed ({process.ExitCode}): {stderr}");
    var json = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
    var outputs = json.GetProperty("outputs").EnumerateArray().ToDictionary(o => o.GetProperty("format").GetString()!, o => o.GetProperty("bytes").GetInt64());
    return new Run(name, wall, json.GetProperty("timings"), json.GetProperty("images"), outputs["epub"], outputs["pdf"], json.GetProperty("articles").GetInt32());
}

// How the corpus book's pages are made up at the three page sizes people print and read on
// (the images from the warm cache): short pages (below 60% of the text height, not a chapter's
// end), pages that end with a title or heading whose text is overleaf, body paragraphs (of three
// lines or more) that end with one character alone, and justified lines looser than a quarter em.
static void Makeup(string work)
{
    Console.WriteLine();
    Console.WriteLine("| page | PDF pages | short pages | short % | stranded headings | lone characters | loose lines | ragged lines |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    foreach (var (name, extra) in new (string, string[])[] { ("A5", []), ("kindle", ["--profile", "kindle"]), ("A4", ["--page-size", "A4"]) })
    {
        var report = Path.Combine(work, $"makeup-{name}.json");
        var start = new ProcessStartInfo(InstalledTool.Path, ["build", Path.Combine(work, "pages"), "--title", "基准", "-o", Path.Combine(work, "makeup"),
            "--cache-dir", Path.Combine(work, "cache-0"), "--report", report, "--quiet", "--format", "pdf", .. extra]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"makeup build {name} failed ({process.ExitCode}): {stderr}");
        var pdf = JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("pdf");
        var (pages, shortPages) = (pdf.GetProperty("pages").GetInt32(), pdf.GetProperty("shortPages").GetInt64());
        Console.WriteLine($"| {name} | {pages} | {shortPages} | {100.0 * shortPages / Math.Max(1, pages):0.0} | {pdf.GetProperty("strandedHeadings").GetInt64()} | {pdf.GetProperty("loneLines").GetInt64()} | {pdf.GetProperty("looseLines").GetInt64()} | {pdf.GetProperty("raggedLines").GetInt64()} |");
    }
}

static int FreePort()
{
    var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
    probe.Start();
    var port = ((IPEndPoint)probe.LocalEndpoint).Port;
    probe.Stop();
    return port;
}

internal sealed record Run(string Name, TimeSpan Wall, JsonElement Timings, JsonElement Images, long EpubBytes, long PdfBytes, int Articles)
{
    private long T(string stage) => Timings.TryGetProperty(stage, out var v) ? v.GetInt64() : 0;

    public long Pages => T("pdfPages");

    public long PeakMb => T("peakMemoryMB");

    public long Bytes => EpubBytes + PdfBytes;

    public double PagesPerSecond => T("pdfPages") * 1000.0 / Math.Max(1, T("pdf"));

    public string Row(int articles)
    {
        var imagesSeconds = Math.Max(T("images"), 1) / 1000.0;
        return $"| {Name} | {Wall.TotalSeconds:0.00} | {T("read")} | {T("images")} | {T("fonts")} | {T("epub")} | {T("pdf")} | {T("pdfPages")} | {T("pdfPages") * 1000.0 / Math.Max(1, T("pdf")):0} | " +
               $"{articles / Wall.TotalSeconds:0} | {Images.GetProperty("embedded").GetInt32() / imagesSeconds:0} | {T("peakMemoryMB")} | {EpubBytes / 1024.0 / 1024.0:0.0} | {PdfBytes / 1024.0 / 1024.0:0.0} |";
    }
}

/// <summary>
/// The ebook program as the README installs it: the standalone program (`dotnet publish
/// --self-contained`: the runtime and the app in one composite ReadyToRun image), published once
/// per benchmark run beside the benchmark.
/// </summary>
internal static class InstalledTool
{
    private static readonly Lazy<string> Published = new(() =>
    {
        var repo = AppContext.BaseDirectory;
        while (!File.Exists(System.IO.Path.Combine(repo, "EbookBuilder.sln"))) repo = System.IO.Path.GetDirectoryName(repo.TrimEnd('/')) ?? throw new InvalidOperationException("EbookBuilder.sln not found above the benchmark");
        var output = System.IO.Path.Combine(AppContext.BaseDirectory, "ebook-tool");
        Console.WriteLine($"publishing the standalone ebook program (Release, self-contained, composite ReadyToRun) to {output} ...");
        var start = new ProcessStartInfo("dotnet", ["publish", System.IO.Path.Combine(repo, "src", "EbookBuilder.Cli"), "-c", "Release", "--self-contained", "-o", output, "--nologo", "-v", "q"])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed: {stdout.Result}{stderr}");
        return System.IO.Path.Combine(output, OperatingSystem.IsWindows() ? "ebook.exe" : "ebook");
    });

    public static string Path => Published.Value;
}
