using System.Collections.Concurrent;
using EbookBuilder.Images.Caching;
using EbookBuilder.Images.Converting;
using EbookBuilder.Images.Fetching;

using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Text;

namespace EbookBuilder.Images;

/// <summary>
/// Fetches (cache, local file, data URI or download) and prepares every image a book names.
/// Downloads run concurrently up to the configured limit; conversion runs on the CPU cores.
/// One image's failure is recorded with its reason and never stops the others.
/// </summary>
public static class ImageStage
{
    /// <summary>The largest pixel buffer kept between conversions: a 12-megapixel photo decoded at half size is 12 MB.</summary>
    private const long PixelPoolLargest = 32L * 1024 * 1024;

    /// <summary>Fetches and prepares the images at <paramref name="locations"/> (absolute URLs, data: URIs or absolute file paths).</summary>
    public static async Task<ImageBag> RunAsync(IReadOnlyCollection<string> locations, ImageOptions options,
        IProgress<ImageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var unique = locations.Distinct(StringComparer.Ordinal).ToList();
        var cache = new ImageCache(options.CacheDirectory, options.MaxBytes);
        using var fetcher = new ImageFetcher(options);
        using var downloads = new SemaphoreSlim(Math.Max(1, options.Concurrency));
        using var cpu = new SemaphoreSlim(Environment.ProcessorCount);
        // Two buffers per conversion under way (decoded, scaled), kept for the next image.
        using var pixels = new PixelPool(keep: 2 * Environment.ProcessorCount, largest: PixelPoolLargest);
        // Downloads outpace conversion; without a bound, fetched images would wait for a core in
        // memory, and memory would grow with the book (measured: 249 -> 325 MB from 1,200 to 2,400 images).
        using var inFlight = new SemaphoreSlim(Math.Max(1, options.Concurrency) + 2 * Environment.ProcessorCount);
        var assets = new ConcurrentDictionary<string, ImageAsset>(StringComparer.Ordinal);
        var failures = new ConcurrentBag<ImageFailure>();
        long bytesIn = 0, bytesOut = 0, downloadTicks = 0, convertTicks = 0;
        int done = 0, downloaded = 0, fromCache = 0, converted = 0, passed = 0;

        void Add(string location, (ImageAsset Asset, bool Reencoded) prepared)
        {
            var (asset, reencoded) = prepared;
            if (reencoded) Interlocked.Increment(ref converted);
            else Interlocked.Increment(ref passed);
            assets[location] = asset;
        }

        void Done() => progress?.Report(new ImageProgress(Interlocked.Increment(ref done), unique.Count, Interlocked.Read(ref bytesIn)));

        // A rebuild: most downloads and their conversions are in the cache, found by URL without
        // reading (or hashing) the download again. They are looked up on the cores before any
        // download starts; only the others are fetched.
        var hits = new ConcurrentDictionary<string, CachedImage>(StringComparer.Ordinal);
        await Task.Run(() => Parallel.ForEach(unique, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            location =>
            {
                if (FromCache(location, cache, options) is { } hit) hits[location] = hit;
            }), cancellationToken).ConfigureAwait(false);
        foreach (var (location, hit) in hits)
        {
            Interlocked.Increment(ref fromCache);
            Add(location, Asset(hit));
            Done();
        }

        async Task One(string location)
        {
            await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                byte[] source;
                await downloads.WaitAsync(cancellationToken).ConfigureAwait(false);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    (source, var cached) = await ObtainAsync(location, cache, fetcher, options, cancellationToken).ConfigureAwait(false);
                    if (cached) Interlocked.Increment(ref fromCache);
                    else if (location.StartsWith("http", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref downloaded);
                }
                finally
                {
                    Interlocked.Add(ref downloadTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
                    downloads.Release();
                }
                Interlocked.Add(ref bytesIn, source.Length);

                await cpu.WaitAsync(cancellationToken).ConfigureAwait(false);
                started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    Add(location, await Task.Run(() => Prepare(source, cache, options, pixels), cancellationToken).ConfigureAwait(false));
                }
                finally
                {
                    Interlocked.Add(ref convertTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
                    cpu.Release();
                }
            }
            catch (Exception e) when (e is ImageFetchException or ImageRejectedException)
            {
                failures.Add(new ImageFailure(location, e.Message));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add(new ImageFailure(location, $"cannot read the file ({e.Message})"));
            }
            finally
            {
                inFlight.Release();
                Done();
            }
        }

        await Task.WhenAll(unique.Where(l => !hits.ContainsKey(l)).Select(One)).ConfigureAwait(false);
        foreach (var asset in assets.Values.DistinctBy(a => a.Name)) bytesOut += asset.Length;
        var statistics = new ImageStatistics(unique.Count, downloaded, fromCache, converted, passed, failures.Count, bytesIn, bytesOut, fetcher.Requests,
            (long)TimeSpan.FromTicks(downloadTicks).TotalMilliseconds,
            (long)TimeSpan.FromTicks(convertTicks).TotalMilliseconds) { CacheUnwritable = cache.Unwritable };
        return new ImageBag(new Dictionary<string, ImageAsset>(assets, StringComparer.Ordinal),
            failures.OrderBy(f => f.Location, StringComparer.Ordinal).ToList(), statistics);
    }

    /// <summary>The prepared image of a URL whose download and conversion are both cached; null otherwise.</summary>
    private static CachedImage? FromCache(string location, ImageCache cache, ImageOptions options) =>
        location.StartsWith("http", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(location, UriKind.Absolute, out var uri)
        && cache.TryGetSourceHash(uri.AbsoluteUri) is { } hash
            ? cache.TryGetPrepared(hash, options.ConversionKey)
            : null;

    /// <summary>The file name in the book: unique per content.</summary>
    private static string Name(string sha256, string extension) => $"img-{sha256[..16]}.{extension}";

    private static (ImageAsset Asset, bool Reencoded) Asset(CachedImage hit) =>
        (ImageAsset.InFile(Name(hit.Sha256, hit.Extension), hit.File, hit.MediaType, hit.Width, hit.Height, hit.Length), hit.Reencoded);

    private static async Task<(byte[] Bytes, bool Cached)> ObtainAsync(string location, ImageCache cache, ImageFetcher fetcher,
        ImageOptions options, CancellationToken cancellationToken)
    {
        if (location.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return (DataUri.Decode(location), false);
        if (Path.IsPathFullyQualified(location))
        {
            try
            {
                return (await Task.Run(() => InputFile.ReadBytes(location, options.MaxBytes), cancellationToken).ConfigureAwait(false), false);
            }
            catch (InputFileTooLargeException e)
            {
                throw new ImageFetchException($"the file is {e.Length / 1048576.0:0.0} MB, more than the {e.Limit / 1048576.0:0.#} MB an image may be");
            }
        }
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri)) throw new ImageFetchException("not a valid URL");
        if (cache.TryGetSource(uri.AbsoluteUri) is { } cached) return (cached, true);
        if (options.Offline) throw new ImageFetchException("offline, and not in the image cache");
        var bytes = await fetcher.FetchAsync(uri, cancellationToken).ConfigureAwait(false);
        cache.PutSource(uri.AbsoluteUri, bytes);
        return (bytes, false);
    }

    /// <summary>
    /// The converted image: kept on disk where the cache holds it (memory stays flat as books
    /// grow), else in memory.
    /// </summary>
    private static (ImageAsset Asset, bool Reencoded) Prepare(byte[] source, ImageCache cache, ImageOptions options, PixelPool pixels)
    {
        var hash = ImageCache.Hash(source);
        if (cache.TryGetPrepared(hash, options.ConversionKey) is { } ready) return Asset(ready);
        var prepared = ImageConverter.Prepare(source, options, pixels);
        var name = Name(prepared.Sha256, prepared.Extension);
        var asset = cache.PutPrepared(hash, options.ConversionKey, prepared) is { } file
            ? ImageAsset.InFile(name, file, prepared.MediaType, prepared.Width, prepared.Height, prepared.Bytes.LongLength)
            : new ImageAsset(name, prepared.Bytes, prepared.MediaType, prepared.Width, prepared.Height);
        return (asset, prepared.Reencoded);
    }
}
