using System.Diagnostics;
using System.Net;
using System.Text.Json;
using EbookBuilder.Benchmarks;

// End-to-end benchmark: a generated corpus of N articles and N images served on loopback, built by
// the real `ebook` program in a child process (so its own peak memory is measured): a cold build,
// then a rebuild from the image cache. Prints per-stage times, rates, peak memory and sizes.
//   dotnet run -c Release --project tests/EbookBuilder.Benchmarks -- [--articles 600]
var articles = args.SkipWhile(a => a != "--articles").Skip(1).Select(int.Parse).DefaultIfEmpty(600).First();
SubsetBenchmark.Run(Path.Combine(AppContext.BaseDirectory, "fonts", "LXGWWenKai-Regular.ttf"));
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
                if (body is not null) await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            });
        }
    });

    var cache = Path.Combine(work, "cache");
    var cold = Build("cold", work, cache);
    var warm = Build("warm (image cache)", work, cache);
    listener.Stop();

    Console.WriteLine();
    Console.WriteLine($"| run | wall s | read ms | images ms | fonts ms | epub ms | pdf ms | PDF pages | pages/s | articles/s | images/s | peak MB | EPUB MB | PDF MB |");
    Console.WriteLine($"|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    foreach (var run in new[] { cold, warm }) Console.WriteLine(run.Row(articles));
    Console.WriteLine();
    Console.WriteLine($"images: {cold.Images.GetProperty("embedded").GetInt32()} embedded, {cold.Images.GetProperty("converted").GetInt32()} converted, " +
        $"{cold.Images.GetProperty("passedThrough").GetInt32()} passed through untouched, {cold.Images.GetProperty("failed").GetInt32()} failed; " +
        $"summed over images: {cold.Images.GetProperty("downloadMs").GetInt64()} ms fetching, {cold.Images.GetProperty("convertMs").GetInt64()} ms converting; " +
        $"rebuild {cold.Wall.TotalSeconds / warm.Wall.TotalSeconds:0.0}x faster than the cold build, {warm.Images.GetProperty("requests").GetInt32()} requests");
}
finally
{
    Directory.Delete(work, recursive: true);
}

static Run Build(string name, string work, string cache)
{
    var report = Path.Combine(work, name.Split(' ')[0] + ".json");
    var cli = Path.Combine(AppContext.BaseDirectory, "ebook.dll");
    var start = new ProcessStartInfo("dotnet", [cli, "build", Path.Combine(work, "pages"), "--title", "基准", "-o", Path.Combine(work, "out"),
        "--cache-dir", cache, "--report", report, "--quiet", "--format", "all"]) { RedirectStandardError = true };
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var stderr = process.StandardError.ReadToEnd();
    process.WaitForExit();
    var wall = clock.Elapsed;
    if (process.ExitCode != 0) throw new InvalidOperationException($"{name} build failed ({process.ExitCode}): {stderr}");
    var json = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
    var outputs = json.GetProperty("outputs").EnumerateArray().ToDictionary(o => o.GetProperty("format").GetString()!, o => o.GetProperty("bytes").GetInt64());
    return new Run(name, wall, json.GetProperty("timings"), json.GetProperty("images"), outputs["epub"], outputs["pdf"]);
}

static int FreePort()
{
    var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
    probe.Start();
    var port = ((IPEndPoint)probe.LocalEndpoint).Port;
    probe.Stop();
    return port;
}

internal sealed record Run(string Name, TimeSpan Wall, JsonElement Timings, JsonElement Images, long EpubBytes, long PdfBytes)
{
    private long T(string stage) => Timings.TryGetProperty(stage, out var v) ? v.GetInt64() : 0;

    public string Row(int articles)
    {
        var imagesSeconds = Math.Max(T("images"), 1) / 1000.0;
        return $"| {Name} | {Wall.TotalSeconds:0.00} | {T("read")} | {T("images")} | {T("fonts")} | {T("epub")} | {T("pdf")} | {T("pdfPages")} | {T("pdfPages") * 1000.0 / Math.Max(1, T("pdf")):0} | " +
               $"{articles / Wall.TotalSeconds:0} | {Images.GetProperty("embedded").GetInt32() / imagesSeconds:0} | {T("peakMemoryMB")} | {EpubBytes / 1024.0 / 1024.0:0.0} | {PdfBytes / 1024.0 / 1024.0:0.0} |";
    }
}
