namespace EbookBuilder.Ingest.Html;

/// <summary>
/// Which links stay links. Tag and term pages of the news sites, in-page anchors and relative
/// links into a site we do not have become plain text; absolute http(s) and mailto links stay.
/// </summary>
internal static class LinkPolicy
{
    private static readonly string[] TagPathMarkers = ["/tag/", "/tags/", "/term/", "/topic/", "/topics/", "/keyword/"];

    /// <summary>The URL to keep, or null when the link should become plain text.</summary>
    public static string? KeepUrl(string? href)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        href = href.Trim();
        if (href.StartsWith("//", StringComparison.Ordinal)) href = "https:" + href;
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme == Uri.UriSchemeMailto) return uri.AbsoluteUri;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return null;
        var path = uri.AbsolutePath;
        if (path is "" or "/") return null; // a bare site link ("<span href=site>中国</span>") is branding, not a reference
        foreach (var marker in TagPathMarkers)
        {
            if (path.Contains(marker, StringComparison.OrdinalIgnoreCase)) return null;
        }
        return uri.AbsoluteUri;
    }
}
