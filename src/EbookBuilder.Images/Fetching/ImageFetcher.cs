using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EbookBuilder.Images.Fetching;

/// <summary>
/// One HttpClient for the build: http and https only, bounded redirects, a connect timeout, at
/// most a few connections per host, a real User-Agent. Each download is one Polly pipeline:
/// a timeout per attempt inside retries with exponential backoff and jitter, on timeouts,
/// connection failures, 5xx and 429 (honouring Retry-After), never on 404. The size cap is
/// enforced while the body streams in.
/// </summary>
internal sealed class ImageFetcher : IDisposable
{
    private sealed record Attempt(HttpStatusCode Status, byte[]? Body, TimeSpan? RetryAfter, string? Problem);

    /// <summary>The client and its pipelines, made at the first download: a rebuild from the cache sets up none.</summary>
    private sealed record Client(HttpClient Http, ResiliencePipeline<Attempt> Retries, ResiliencePipeline Timeout);

    private readonly Lazy<Client> _client;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ImageOptions _options;
    private int _requests;

    public ImageFetcher(ImageOptions options)
    {
        _options = options;
        _client = new Lazy<Client>(() => Connect(options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private static Client Connect(ImageOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            MaxConnectionsPerServer = Math.Max(options.PerHost, options.Concurrency),
            AllowAutoRedirect = false, // followed by hand: other schemes are refused, the count is ours
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        http.DefaultRequestHeaders.Accept.ParseAdd("image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8,*/*;q=0.5");

        var retries = new ResiliencePipelineBuilder<Attempt>()
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = Math.Max(0, options.Retries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldHandle = new PredicateBuilder<Attempt>()
                    .Handle<HttpRequestException>(e => e.HttpRequestError != HttpRequestError.NameResolutionError) // an unknown host stays unknown
                    .Handle<TimeoutRejectedException>()
                    .Handle<IOException>()
                    .HandleResult(a => a.Status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)a.Status >= 500),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.RetryAfter is { } wait ? (TimeSpan?)TimeSpan.FromTicks(Math.Min(wait.Ticks, options.MaxRetryAfter.Ticks)) : null),
            })
            .Build();
        return new Client(http, retries, new ResiliencePipelineBuilder().AddTimeout(options.AttemptTimeout).Build());
    }

    /// <summary>HTTP requests sent so far (retries count).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public async Task<byte[]> FetchAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            throw new ImageFetchException($"the '{uri.Scheme}' scheme is not fetched (http and https only)");
        Attempt attempt;
        try
        {
            attempt = await _client.Value.Retries.ExecuteAsync(async ct => await LimitedAttemptAsync(uri, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            throw new ImageFetchException($"timed out after {1 + _options.Retries} attempts of {_options.AttemptTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            throw new ImageFetchException($"host not found ({e.Message})");
        }
        catch (HttpRequestException e)
        {
            throw new ImageFetchException($"connection failed after {1 + _options.Retries} attempts ({e.Message})");
        }
        catch (IOException e)
        {
            throw new ImageFetchException($"the response was cut short after {1 + _options.Retries} attempts ({e.Message})");
        }
        if (attempt.Body is not null) return attempt.Body;
        throw new ImageFetchException(attempt.Problem ?? $"HTTP {(int)attempt.Status}");
    }

    /// <summary>
    /// One attempt, once the host has a free slot: waiting for the slot does not count against the
    /// attempt's timeout, so one slow host cannot make its other images time out in the queue.
    /// </summary>
    private async Task<Attempt> LimitedAttemptAsync(Uri uri, CancellationToken cancellationToken)
    {
        var slot = _hosts.GetOrAdd(uri.Authority, _ => new SemaphoreSlim(Math.Max(1, _options.PerHost)));
        await slot.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _client.Value.Timeout.ExecuteAsync(async ct => await AttemptAsync(uri, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slot.Release();
        }
    }

    private async Task<Attempt> AttemptAsync(Uri uri, CancellationToken cancellationToken)
    {
        for (var redirects = 0; ; redirects++)
        {
            Interlocked.Increment(ref _requests);
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await _client.Value.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = response.StatusCode;
            if ((int)status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var target = location.IsAbsoluteUri ? location : new Uri(uri, location);
                if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
                    return new Attempt(status, null, null, $"HTTP {(int)status}: redirect to {target} not followed (http and https only)");
                if (redirects >= _options.MaxRedirects)
                    return new Attempt(status, null, null, $"HTTP {(int)status}: redirect not followed: more than {_options.MaxRedirects} redirects (a loop?)");
                uri = target;
                continue;
            }
            return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Attempt> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            var retryAfter = response.Headers.RetryAfter is { } ra
                ? ra.Delta ?? (ra.Date is { } date ? date - DateTimeOffset.UtcNow : null)
                : null;
            return new Attempt(status, null, retryAfter, $"HTTP {(int)status} {response.ReasonPhrase}".TrimEnd());
        }
        if (response.Content.Headers.ContentLength is { } length && length > _options.MaxBytes)
            return new Attempt(status, null, null, $"larger than the {_options.MaxBytes:N0}-byte limit ({length:N0} bytes)");

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        // A body of known length is read into one array of that length: no growing buffer, no copy
        // (three arrays an image were most of a cold build's garbage). A compressed body has no
        // length here: the client drops it when it decompresses.
        if (response.Content.Headers.ContentLength is { } announced and > 0)
        {
            var body = new byte[announced];
            var filled = 0;
            int got;
            while (filled < body.Length && (got = await stream.ReadAsync(body.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0) filled += got;
            if (filled < body.Length) throw new IOException($"the response ended after {filled:N0} of {announced:N0} bytes");
            return new Attempt(status, body, null, null);
        }
        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _options.MaxBytes)
                    return new Attempt(status, null, null, $"larger than the {_options.MaxBytes:N0}-byte limit (stopped reading)");
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        return new Attempt(status, buffer.ToArray(), null, null);
    }

    public void Dispose()
    {
        if (_client.IsValueCreated) _client.Value.Http.Dispose();
        foreach (var slot in _hosts.Values) slot.Dispose();
    }
}
