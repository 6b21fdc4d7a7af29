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
        if (uri.Scheme != "mailto" && (uri.Host.Length == 0 || !uri.Host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))) return null;
        var text = uri.AbsoluteUri;
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

    // Unreserved, the delimiters other than brackets (IPv6 hosts are not kept), and % of existing escapes.
    private static bool Allowed(char c) => char.IsAsciiLetterOrDigit(c) || "-._~:/?#@!$&'()*+,;=%".Contains(c);
}
