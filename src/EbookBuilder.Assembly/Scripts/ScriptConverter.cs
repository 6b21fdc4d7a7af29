using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace EbookBuilder.Assembly.Scripts;

/// <summary>
/// Converts Chinese text between scripts with OpenCC, phrase by phrase (头发 → 頭髮, 后来 → 後來
/// but 皇后 stays; in Taiwan's words 软件 → 軟體), never by a character table of our own. Web
/// addresses inside the text are left as they are (a link to …/wiki/头发 must still lead there);
/// text with no CJK character is not sent at all. Many strings are converted in one call, joined
/// by a private-use separator OpenCC passes through. Safe to call from several threads: each call
/// takes an OpenCC instance of its own from a pool.
/// </summary>
public sealed partial class ScriptConverter : IDisposable
{
    private const char Separator = '\uE000';
    private readonly string _configuration;
    private readonly ConcurrentBag<IntPtr> _idle = [];
    private readonly ConcurrentBag<IntPtr> _all = [];

    private ScriptConverter(string configuration, IntPtr first)
    {
        _configuration = configuration;
        _idle.Add(first);
        _all.Add(first);
    }

    /// <summary>
    /// A converter to <paramref name="script"/>; <see cref="ScriptUnavailableException"/> when OpenCC
    /// or its dictionaries are missing. <paramref name="configurationFolder"/> (for tests) is where the
    /// configuration is looked for instead of OpenCC's own folder.
    /// </summary>
    public static ScriptConverter Open(ChineseScript script, string? configurationFolder = null)
    {
        var configuration = configurationFolder is null ? script.OpenCcConfiguration() : Path.Combine(configurationFolder, script.OpenCcConfiguration());
        var handle = OpenHandle(configuration);
        return new ScriptConverter(configuration, handle);
    }

    private static IntPtr OpenHandle(string configuration)
    {
        IntPtr handle;
        try
        {
            handle = OpenCc.opencc_open(configuration);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new ScriptUnavailableException(
                $"converting between simplified and traditional Chinese needs OpenCC, which is not installed ({OpenCc.Library} could not be loaded): "
                + "install it (Debian and Ubuntu: apt-get install libopencc1.1 libopencc-data), or build without --script");
        }
        if (handle == OpenCc.Invalid || handle == IntPtr.Zero)
        {
            var reason = Marshal.PtrToStringUTF8(OpenCc.opencc_error())?.Trim();
            throw new ScriptUnavailableException(
                $"OpenCC cannot open its configuration {configuration} ({reason}): its dictionaries are missing; "
                + "install them (Debian and Ubuntu: apt-get install libopencc-data), or build without --script");
        }
        return handle;
    }

    /// <summary>The text in the script, its web addresses untouched.</summary>
    public string Convert(string text) => ConvertAll([text])[0];

    /// <summary>Each text in the script, in one call to OpenCC.</summary>
    public IReadOnlyList<string> ConvertAll(IReadOnlyList<string> texts)
    {
        // The pieces to convert: the text between web addresses, where it holds a CJK character.
        var pieces = new List<string>();
        var plans = new List<(int Text, List<(string Piece, bool Convert)> Parts)>();
        for (var t = 0; t < texts.Count; t++)
        {
            if (!HasCjk(texts[t])) continue;
            var parts = new List<(string, bool)>();
            var at = 0;
            foreach (Match m in WebAddress().Matches(texts[t]))
            {
                if (m.Index > at) parts.Add((texts[t][at..m.Index], true));
                parts.Add((m.Value, false));
                at = m.Index + m.Length;
            }
            if (at < texts[t].Length) parts.Add((texts[t][at..], true));
            for (var p = 0; p < parts.Count; p++)
            {
                if (!parts[p].Item2) continue;
                if (HasCjk(parts[p].Item1)) pieces.Add(parts[p].Item1);
                else parts[p] = (parts[p].Item1, false);
            }
            plans.Add((t, parts));
        }
        if (pieces.Count == 0) return texts;

        string[] converted = pieces.Any(p => p.Contains(Separator))
            ? [.. pieces.Select(ConvertOne)]
            : ConvertOne(string.Join(Separator, pieces)).Split(Separator);
        if (converted.Length != pieces.Count) converted = [.. pieces.Select(ConvertOne)]; // never expected: OpenCC keeps private-use characters

        var result = texts.ToArray();
        var next = 0;
        foreach (var (t, parts) in plans)
        {
            var sb = new StringBuilder(texts[t].Length + 8);
            foreach (var (piece, convert) in parts) sb.Append(convert ? converted[next++] : piece);
            result[t] = sb.ToString();
        }
        return result;
    }

    private string ConvertOne(string text)
    {
        if (!_idle.TryTake(out var handle))
        {
            handle = OpenHandle(_configuration);
            _all.Add(handle);
        }
        try
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var output = OpenCc.opencc_convert_utf8(handle, bytes, (nuint)bytes.Length);
            if (output == IntPtr.Zero)
                throw new InvalidOperationException($"OpenCC could not convert the text ({Marshal.PtrToStringUTF8(OpenCc.opencc_error())?.Trim()})");
            try
            {
                return Marshal.PtrToStringUTF8(output) ?? "";
            }
            finally
            {
                OpenCc.opencc_convert_utf8_free(output);
            }
        }
        finally
        {
            _idle.Add(handle);
        }
    }

    /// <summary>Whether the text holds a character OpenCC may change: CJK, from the radicals up (or a surrogate: extension planes).</summary>
    private static bool HasCjk(string text)
    {
        foreach (var c in text)
            if (c >= '\u2E80') return true;
        return false;
    }

    /// <summary>A web address written in the text: a scheme and what follows up to a space or Chinese punctuation, or www.host….</summary>
    [GeneratedRegex(@"(?:https?|ftp)://[^\s<>""'“”‘’「」『』（）【】《》，。；！？、]+|\bwww\.[A-Za-z0-9-]+\.[^\s<>""'“”‘’「」『』（）【】《》，。；！？、]+", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();

    public void Dispose()
    {
        while (_all.TryTake(out var handle)) OpenCc.opencc_close(handle);
        _idle.Clear();
    }
}
