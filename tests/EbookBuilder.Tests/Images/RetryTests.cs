using EbookBuilder.Images;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Images;

/// <summary>Retry behaviour, one image at a time so that request counts are exact.</summary>
public sealed class RetryTests
{
    private static readonly byte[] Photo = File.ReadAllBytes(TestPaths.Fixture("images", "photo.jpg"));

    private static (int Hits, string? Failure, TimeSpan Took) Fetch(Action<ImageServer> setUp, string path)
    {
        using var server = new ImageServer();
        using var cache = new TempFolder();
        setUp(server);
        var options = new ImageOptions
        {
            CacheDirectory = cache.Path,
            Retries = 3,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            AttemptTimeout = TimeSpan.FromSeconds(2),
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var bag = ImageStage.RunAsync([server.Url(path)], options).GetAwaiter().GetResult();
        return (server.Hits(path), bag.Failures.SingleOrDefault()?.Reason, clock.Elapsed);
    }

    [Fact]
    public void A_404_is_not_retried()
    {
        var (hits, failure, _) = Fetch(_ => { }, "/gone.jpg");
        Assert.Equal(1, hits);
        Assert.StartsWith("HTTP 404", failure);
    }

    [Fact]
    public void A_500_is_retried_until_it_succeeds()
    {
        var (hits, failure, _) = Fetch(s => s.Map("/x.jpg", (c, n) => n <= 2 ? ImageServer.Send(c, 500, [], "text/plain") : ImageServer.Send(c, 200, Photo)), "/x.jpg");
        Assert.Null(failure);
        Assert.Equal(3, hits);
    }

    [Fact]
    public void Retries_stop_after_the_limit()
    {
        var (hits, failure, _) = Fetch(s => s.Map("/x.jpg", (c, _) => ImageServer.Send(c, 503, [], "text/plain")), "/x.jpg");
        Assert.Equal(4, hits); // one attempt and three retries
        Assert.StartsWith("HTTP 503", failure);
    }

    [Fact]
    public void A_429_waits_for_retry_after()
    {
        var (hits, failure, took) = Fetch(s => s.Map("/x.jpg", (c, n) =>
        {
            if (n > 1) return ImageServer.Send(c, 200, Photo);
            c.Response.Headers["Retry-After"] = "1";
            return ImageServer.Send(c, 429, [], "text/plain");
        }), "/x.jpg");
        Assert.Null(failure);
        Assert.Equal(2, hits);
        Assert.True(took >= TimeSpan.FromSeconds(0.9), $"retried after {took}, before the server's Retry-After of 1 s");
    }
}
