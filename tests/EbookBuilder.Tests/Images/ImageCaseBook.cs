using System.Net;
using System.Text;
using EbookBuilder.Images;
using EbookBuilder.Pipeline;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Images;

/// <summary>
/// One book whose article names an image for every case the image stage must handle, served by a
/// local test server; built three times: cold, again from the cache, and offline with an empty cache.
/// </summary>
public sealed class ImageCaseBook : IDisposable
{
    public static readonly string[] Cases =
    [
        "photo.jpg", "logo.png", "anim.gif", "photo.webp", "photo.bmp", "cmyk.jpg", "rotated.jpg", "large.jpg", "drawing.svg",
        "wrong-type.jpg", "missing.jpg", "flaky.jpg", "busy.jpg", "slow.jpg", "truncated.jpg", "huge.jpg", "huge-stream.jpg",
        "loop.jpg", "to-file.jpg", "corrupt.jpg", "bomb.png", "same-photo.jpg",
    ];

    private readonly TempFolder _folder = new();

    public ImageCaseBook()
    {
        Server = new ImageServer();
        byte[] Fixture(string name) => File.ReadAllBytes(TestPaths.Fixture("images", name));
        foreach (var name in new[] { "photo.jpg", "logo.png", "anim.gif", "photo.webp", "photo.bmp", "cmyk.jpg", "rotated.jpg", "large.jpg", "bomb.png" })
            Server.Bytes("/" + name, Fixture(name));
        Server.Bytes("/same-photo.jpg", Fixture("photo.jpg"));
        Server.Bytes("/drawing.svg", Fixture("drawing.svg"), "image/svg+xml");
        Server.Bytes("/wrong-type.jpg", Fixture("logo.png"), "text/html"); // a PNG served as HTML under a .jpg name
        Server.Map("/flaky.jpg", (c, n) => n <= 2 ? ImageServer.Send(c, 500, "oops"u8.ToArray(), "text/plain") : ImageServer.Send(c, 200, Fixture("photo.jpg")));
        Server.Map("/busy.jpg", (c, n) =>
        {
            if (n > 1) return ImageServer.Send(c, 200, Fixture("photo.jpg"));
            c.Response.Headers["Retry-After"] = "1";
            return ImageServer.Send(c, 429, "slow down"u8.ToArray(), "text/plain");
        });
        Server.Map("/slow.jpg", async (c, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(4));
            await ImageServer.Send(c, 200, Fixture("photo.jpg"));
        });
        Server.Map("/truncated.jpg", async (c, _) =>
        {
            var photo = Fixture("photo.jpg");
            c.Response.ContentLength64 = photo.Length;
            await c.Response.OutputStream.WriteAsync(photo.AsMemory(0, photo.Length / 2));
            await c.Response.OutputStream.FlushAsync();
            // Let the client read the headers and the first half before the reset: a reset that
            // arrives first discards them on the client's side, and the case becomes a failed
            // connection, not a cut-short body (seen once under load).
            await Task.Delay(300);
            c.Response.Abort();
        });
        Server.Bytes("/huge.jpg", new byte[3 * 1024 * 1024]);
        Server.Map("/huge-stream.jpg", async (c, _) =>
        {
            c.Response.SendChunked = true; // no Content-Length: the cap must hold while streaming
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < 64; i++) await c.Response.OutputStream.WriteAsync(chunk);
            c.Response.Close();
        });
        Server.Map("/loop.jpg", (c, _) =>
        {
            c.Response.Redirect(Server.Url("/loop.jpg"));
            c.Response.Close();
            return Task.CompletedTask;
        });
        Server.Map("/to-file.jpg", (c, _) =>
        {
            c.Response.StatusCode = 302;
            c.Response.RedirectLocation = "file:///etc/passwd";
            c.Response.Close();
            return Task.CompletedTask;
        });
        var random = new Random(7);
        var junk = new byte[5000];
        random.NextBytes(junk);
        Server.Bytes("/corrupt.jpg", junk);

        var html = new StringBuilder("<html><head><title>图片测试</title></head><body><article><h1>图片测试</h1><p>各种图片的情况。</p>");
        foreach (var name in Cases)
            html.Append($"<figure><img src=\"{Server.Url("/" + name)}\" alt=\"\"/><figcaption>说明：{name}</figcaption></figure><p>{name} 之后的段落。</p>");
        html.Append("</article></body></html>");
        var articles = Path.Combine(_folder.Path, "articles");
        Directory.CreateDirectory(articles);
        File.WriteAllText(Path.Combine(articles, "images.html"), html.ToString());
        Cache = Path.Combine(_folder.Path, "cache");

        Cold = Build("cold", Options);
        RequestsAfterCold = Server.Requests;
        HitsAfterCold = Cases.ToDictionary(c => "/" + c, c => Server.Hits("/" + c));
        Warm = Build("warm", Options);
        RequestsAfterWarm = Server.Requests;
        Offline = Build("offline", Options with { Offline = true, CacheDirectory = Path.Combine(_folder.Path, "empty-cache") });
        RequestsAfterOffline = Server.Requests;
    }

    public ImageServer Server { get; }

    public string Cache { get; }

    public ImageOptions Options => new()
    {
        CacheDirectory = Cache,
        Retries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(1),
        MaxBytes = 2 * 1024 * 1024,
        MaxPixels = 50_000_000,
    };

    public BuildResult Cold { get; }

    public BuildResult Warm { get; }

    public BuildResult Offline { get; }

    public int RequestsAfterCold { get; }

    public IReadOnlyDictionary<string, int> HitsAfterCold { get; }

    public int RequestsAfterWarm { get; }

    public int RequestsAfterOffline { get; }

    public string Url(string name) => Server.Url("/" + name);

    public BuildResult Build(string name, ImageOptions options) =>
        BookCompiler.BuildAsync(new BuildOptions
        {
            Inputs = [Path.Combine(_folder.Path, "articles")],
            OutputDirectory = Path.Combine(_folder.Path, "out-" + name),
            Title = "图片测试",
            StylesDirectory = TestPaths.Styles,
            Images = options,
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(1_600_000_000),
        }).GetAwaiter().GetResult();

    public void Dispose()
    {
        Server.Dispose();
        _folder.Dispose();
    }
}
