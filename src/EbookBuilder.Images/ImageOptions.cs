namespace EbookBuilder.Images;

/// <summary>How images are fetched and prepared for e-readers.</summary>
public sealed record ImageOptions
{
    /// <summary>Largest width in pixels an image keeps; larger ones are scaled down.</summary>
    public int MaxWidth { get; init; } = 1600;

    /// <summary>Largest height in pixels an image keeps.</summary>
    public int MaxHeight { get; init; } = 1600;

    /// <summary>JPEG quality for re-encoded photos.</summary>
    public int JpegQuality { get; init; } = 82;

    /// <summary>Convert to grayscale (e-ink: smaller files, truer contrast).</summary>
    public bool Grayscale { get; init; }

    /// <summary>Images with more pixels than this are refused undecoded (decompression bombs).</summary>
    public long MaxPixels { get; init; } = 50_000_000;

    /// <summary>Largest download, enforced while streaming.</summary>
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Downloads under way at once.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Downloads under way at once to one host.</summary>
    public int PerHost { get; init; } = 4;

    /// <summary>Time to open a connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time for one attempt: request, response and body.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, on timeouts, 5xx and 429.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After the fetcher honours.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Redirects followed before giving up.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>The persistent cache folder.</summary>
    public string CacheDirectory { get; init; } = DefaultCacheDirectory();

    /// <summary>Use the cache only; make no requests.</summary>
    public bool Offline { get; init; }

    /// <summary>The User-Agent sent with every request.</summary>
    public string UserAgent { get; init; } = "Mozilla/5.0 (compatible; EbookBuilder/0.1; +https://github.com/ebookbuilder)";

    /// <summary>$XDG_CACHE_HOME/ebookbuilder, else ~/.cache/ebookbuilder.</summary>
    public static string DefaultCacheDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(root, "ebookbuilder");
    }

    /// <summary>What a converted image depends on besides its source bytes (the conversion cache key).</summary>
    internal string ConversionKey => $"v1;{MaxWidth}x{MaxHeight};q{JpegQuality};g{(Grayscale ? 1 : 0)};p{MaxPixels}";
}
