using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using EbookBuilder.Tests.Support;
using SkiaSharp;

namespace EbookBuilder.Tests.Images;

/// <summary>
/// One image cache shared by builds running at the same time (a newsroom's jobs on one volume):
/// processes build overlapping books at once, some reading entries while others write the same
/// ones, and the cache is left whole: every entry is what its name says, nothing half-written, and
/// a build offline finds every image of both books.
/// </summary>
public sealed class SharedCacheTests
{
    private const int Images = 36;

    [Fact]
    public async Task Builds_at_once_on_one_cache_leave_no_corrupt_entry_and_lose_no_image()
    {
        using var temp = new TempFolder();
        using var server = new ImageServer();
        for (var i = 0; i < Images; i++)
        {
            var (name, bytes) = Picture(i);
            // A little delay, different each time, so the builds interleave their fetches and writes.
            server.Map("/" + name, async (c, _) =>
            {
                await Task.Delay(Random.Shared.Next(5, 40));
                await ImageServer.Send(c, 200, bytes, name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg");
            });
        }
        // Book A has images 0–23, book B 12–35: the middle third is fetched by both at once.
        WriteBook(temp.File("a"), server, 0, 24);
        WriteBook(temp.File("b"), server, 12, 36);
        var cache = temp.File("shared-cache");

        // Two builds start together; two more of the same books start while they run, and read
        // what the first two are writing.
        var builds = new[] { "a", "b", "a", "b" }.Select((book, i) => Task.Run(async () =>
        {
            await Task.Delay(i < 2 ? 0 : 400 + 200 * (i - 2));
            return Build(temp, book, cache, $"{book}-{i}");
        })).ToArray();
        foreach (var report in await Task.WhenAll(builds))
        {
            var images = report.GetProperty("images");
            Assert.Equal(24, images.GetProperty("embedded").GetInt32());
            Assert.Equal(0, images.GetProperty("failed").GetInt32());
            // No build found the cache unusable (another's half-made folder or entry is not a stranger's).
            var warnings = report.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("message").GetString()).ToList();
            Assert.True(warnings.Count == 0, string.Join('\n', warnings));
        }
        AssertWhole(cache);

        // Every image of both books is in the cache: a build of both, offline, finds them all.
        var requests = server.Requests;
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("a"), temp.File("b"), "--title", "合", "-o", temp.File("both"), "--cache-dir", cache,
            "--offline", "-q", "--report", temp.File("both.json"));
        Assert.True(code == 0, stderr);
        var both = JsonDocument.Parse(File.ReadAllText(temp.File("both.json"))).RootElement.GetProperty("images");
        Assert.Equal(Images, both.GetProperty("embedded").GetInt32()); // the articles both books have are kept once
        Assert.Equal(0, both.GetProperty("failed").GetInt32());
        Assert.Equal(requests, server.Requests);
    }

    /// <summary>
    /// The same race, many times over and closer: eight caches on one fresh folder (as eight
    /// processes would have, each with its own state) store and read the same entries in different
    /// orders at once. A read gives the stored bytes or nothing, never others; every cache could
    /// write (none took the folder, half-made by another, for a stranger's); and at the end every
    /// entry is there, whole.
    /// </summary>
    [Fact]
    public void Caches_of_many_processes_on_one_folder_read_whole_entries_or_none_and_keep_every_one()
    {
        using var temp = new TempFolder();
        var root = temp.File("cache");
        var entries = Enumerable.Range(0, 60).Select(i =>
        {
            var bytes = new byte[2_000 + i * 1_500];
            new Random(i).NextBytes(bytes);
            return (Url: $"https://example.org/{i}.jpg", Bytes: bytes);
        }).ToList();
        var caches = Enumerable.Range(0, 8).Select(_ => new EbookBuilder.Images.Caching.ImageCache(root)).ToList();
        var wrong = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var start = new Barrier(caches.Count);
        Parallel.For(0, caches.Count, new ParallelOptions { MaxDegreeOfParallelism = caches.Count }, c =>
        {
            var order = entries.OrderBy(_ => Random.Shared.Next()).ToList();
            start.SignalAndWait();
            foreach (var (url, bytes) in order)
            {
                if (caches[c].TryGetSource(url) is { } read && !read.AsSpan().SequenceEqual(bytes)) wrong.Add($"{url}: other bytes read");
                caches[c].PutSource(url, bytes);
                if (caches[c].TryGetSource(entries[Random.Shared.Next(entries.Count)].Url) is { } other && !entries.Any(e => e.Bytes.AsSpan().SequenceEqual(other))) wrong.Add("bytes of no entry read");
            }
        });
        Assert.Empty(wrong);
        Assert.All(caches, cache => Assert.Null(cache.Unwritable));
        var after = new EbookBuilder.Images.Caching.ImageCache(root);
        Assert.All(entries, e => Assert.True(after.TryGetSource(e.Url) is { } read && read.AsSpan().SequenceEqual(e.Bytes), $"{e.Url} lost"));
        Assert.DoesNotContain(Directory.GetFiles(root, "*", SearchOption.AllDirectories), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    /// <summary>Every download is stored under the hash of its bytes, every pointer names a stored file, every conversion matches its description; no temporary file is left.</summary>
    private static void AssertWhole(string cache)
    {
        var files = Directory.GetFiles(cache, "*", SearchOption.AllDirectories);
        Assert.DoesNotContain(files, f => f.EndsWith(".tmp", StringComparison.Ordinal));
        var blobs = files.Where(f => f.Contains("/blobs/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(blobs);
        foreach (var blob in blobs) Assert.Equal(Path.GetFileName(blob), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(blob))));
        var names = blobs.Select(Path.GetFileName).ToHashSet();
        var pointers = files.Where(f => f.Contains("/urls/", StringComparison.Ordinal)).ToList();
        Assert.Equal(Images, pointers.Count);
        foreach (var pointer in pointers) Assert.Contains(File.ReadAllText(pointer).Trim(), names);
        foreach (var meta in files.Where(f => f.Contains("/prepared/", StringComparison.Ordinal) && f.EndsWith(".json", StringComparison.Ordinal)))
        {
            var described = JsonDocument.Parse(File.ReadAllText(meta)).RootElement.GetProperty("Sha256").GetString();
            Assert.Equal(described, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.ChangeExtension(meta, ".bin")))));
        }
    }

    /// <summary>Image <paramref name="i"/>: a JPEG, or (every third) a PNG too large to keep as it is, which is converted.</summary>
    private static (string Name, byte[] Bytes) Picture(int i)
    {
        var large = i % 3 == 0;
        using var bitmap = new SKBitmap(large ? 2000 : 400, large ? 1400 : 300);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor((byte)(i * 7), (byte)(255 - i * 5), (byte)(i * 3)));
            using var paint = new SKPaint { Color = new SKColor((byte)(i * 11), 40, 90) };
            canvas.DrawCircle(bitmap.Width / 3f, bitmap.Height / 2f, bitmap.Height / 4f + i, paint);
        }
        using var data = bitmap.Encode(large ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, 85);
        return ($"img{i:00}.{(large ? "png" : "jpg")}", data.ToArray());
    }

    private static void WriteBook(string folder, ImageServer server, int from, int to)
    {
        Directory.CreateDirectory(folder);
        for (var i = from; i < to; i += 4)
        {
            var figures = string.Concat(Enumerable.Range(i, Math.Min(4, to - i)).Select(n =>
                $"<figure><img src=\"{server.Url("/" + Picture(n).Name)}\" alt=\"\"/><figcaption>第{n}张图。</figcaption></figure><p>图{n}之后的一段文字。</p>"));
            File.WriteAllText(Path.Combine(folder, $"{i:00}.html"), $"<html><head><title>第{i}篇</title></head><body><article><h1>第{i}篇</h1><p>正文。</p>{figures}</article></body></html>");
        }
    }

    /// <summary>The real program in a process of its own, as two jobs on one machine run it.</summary>
    private static JsonElement Build(TempFolder temp, string book, string cache, string name)
    {
        var report = temp.File(name + ".json");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ebook.dll"), "build", temp.File(book), "--title", name, "-o", temp.File("out-" + name),
            "--cache-dir", cache, "--report", report, "-q", "-f", "epub"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{name}: exit {process.ExitCode}: {stderr}{stdout.Result}");
        return JsonDocument.Parse(File.ReadAllText(report)).RootElement.Clone();
    }
}
