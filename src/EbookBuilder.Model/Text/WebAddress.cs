using System.Text;

namespace EbookBuilder.Model.Text;

/// <summary>
/// Web addresses fit for a book's links: absolute http, https or mailto, a plain ASCII host, and
/// every character RFC 3986 does not allow percent-encoded (archives hold addresses with spaces,
/// brackets, replacement characters and worse; a reader or epubcheck rejects them).
/// </summary>
public static class WebAddress
{
    /// <summary>The address, made valid; null when it cannot be a link (the text is then kept without one).</summary>
    public static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("http" or "https" or "mailto")) return null;
        var text = uri.AbsoluteUri;
        if (uri.Scheme != "mailto")
        {
            // An internationalised host is checked, and written, as its ASCII (punycode) form: a
            // PDF's /URI is ASCII, and .NET may write such a host percent-encoded, which no browser reads.
            string host;
            try { host = uri.IdnHost; }
            catch (UriFormatException) { return null; }
            if (!IsHost(uri, host)) return null;
            var userInfo = uri.UserInfo.Length > 0 ? uri.GetComponents(UriComponents.UserInfo, UriFormat.UriEscaped) + "@" : "";
            var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            text = $"{uri.Scheme}://{userInfo}{host}{port}{uri.GetComponents(UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.UriEscaped)}";
        }
        var result = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && Allowed((char)rune.Value))
            {
                result.Append((char)rune.Value);
                continue;
            }
            var n = rune.EncodeToUtf8(bytes);
            for (var i = 0; i < n; i++) result.Append('%').Append(bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return result.ToString();
    }

    /// <summary>
    /// An IPv4 literal, or a DNS name of ASCII labels (letters, digits, inner hyphens; 63 characters
    /// at most) whose last label is not a number: a browser's URL parser (WHATWG) reads a host
    /// ending in a number as an IPv4 address and rejects it when it is not one (`1w2.0.2.11`), and
    /// epubcheck reports such a link (RSC-023).
    /// </summary>
    private static bool IsHost(Uri uri, string host)
    {
        if (uri.HostNameType == UriHostNameType.IPv4) return true;
        if (uri.HostNameType != UriHostNameType.Dns || host.Length is 0 or > 253) return false;
        var labels = host.EndsWith('.') ? host[..^1].Split('.') : host.Split('.');
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
            if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) return false;
        }
        var last = labels[^1];
        return !last.All(char.IsAsciiDigit) && !(last.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && last[2..].All(char.IsAsciiHexDigit));
    }

    // Unreserved, the delimiters other than brackets (IPv6 hosts are not kept), and % of existing escapes.
    private static bool Allowed(char c) => char.IsAsciiLetterOrDigit(c) || "-._~:/?#@!$&'()*+,;=%".Contains(c);
}
