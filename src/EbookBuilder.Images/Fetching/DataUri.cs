namespace EbookBuilder.Images.Fetching;

/// <summary>The bytes of a data: URI (base64 or percent-encoded).</summary>
internal static class DataUri
{
    public static byte[] Decode(string uri)
    {
        var comma = uri.IndexOf(',');
        if (comma < 0) throw new ImageFetchException("malformed data: URI (no comma)");
        var header = uri[5..comma];
        var payload = uri[(comma + 1)..];
        try
        {
            return header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(Uri.UnescapeDataString(payload))
                : System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(payload));
        }
        catch (FormatException)
        {
            throw new ImageFetchException("malformed data: URI (bad base64)");
        }
    }
}
