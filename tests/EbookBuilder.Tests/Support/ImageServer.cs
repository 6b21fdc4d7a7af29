using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace EbookBuilder.Tests.Support;

/// <summary>
/// A small HTTP server on 127.0.0.1 and a free port, for image tests: each path has a handler that
/// is told how many times the path was asked for. Counts every request. No outside network.
/// </summary>
public sealed class ImageServer : IDisposable
{
    public delegate Task Handler(HttpListenerContext context, int attempt);

    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, Handler> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    private readonly string? _staticRoot;

    /// <param name="port">The port to listen on; by default a free one.</param>
    /// <param name="staticRoot">A folder whose files answer the paths no handler is mapped to.</param>
    public ImageServer(int? port = null, string? staticRoot = null)
    {
        Port = port ?? FreePort();
        _staticRoot = staticRoot;
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public int Requests => Volatile.Read(ref _requests);

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public ImageServer Map(string path, Handler handler)
    {
        _routes[path] = handler;
        return this;
    }

    public ImageServer Bytes(string path, byte[] body, string contentType = "image/jpeg") =>
        Map(path, (c, _) => Send(c, 200, body, contentType));

    public static async Task Send(HttpListenerContext context, int status, byte[] body, string contentType = "image/jpeg")
    {
        context.Response.StatusCode = status;
        context.Response.KeepAlive = false; // a fresh connection each time: request counts stay exact
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            catch (HttpListenerException) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        var path = context.Request.Url!.AbsolutePath;
        var attempt = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        context.Response.KeepAlive = false;
        try
        {
            if (_routes.TryGetValue(path, out var handler)) await handler(context, attempt);
            else if (StaticFile(path) is { } file) await Send(context, 200, await File.ReadAllBytesAsync(file), "application/octet-stream");
            else await Send(context, 404, "not found"u8.ToArray(), "text/plain");
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
            // the client went away (timeouts are part of the tests)
        }
        catch (IOException)
        {
        }
    }

    private string? StaticFile(string path)
    {
        if (_staticRoot is null) return null;
        var full = Path.GetFullPath(Path.Combine(_staticRoot, Uri.UnescapeDataString(path).TrimStart('/')));
        return full.StartsWith(Path.GetFullPath(_staticRoot), StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
