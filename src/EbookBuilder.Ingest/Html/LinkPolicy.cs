using System.Text.RegularExpressions;

namespace EbookBuilder.Ingest.Html;

/// <summary>
/// Which links stay links. A link to a listing rather than to a text (a tag, topic, keyword,
/// label or search page of any site, told by the shape of its URL, never by a list of hosts),
/// in-page anchors and relative links into a site we do not have become plain text: in a book
/// they are noise (one site's articles held 19,500 keyword links). Absolute http(s) and mailto
/// links to a page stay.
/// </summary>
internal static partial class LinkPolicy
{
    /// <summary>A path segment that names a listing: /tag/, /tags/, /topic/, /keyword/, /search/, /label/… (also tag.html, search.php).</summary>
    [GeneratedRegex(@"/(tags?|topics?|terms?|keywords?|kw|labels?|search|searches|subjects?|hashtags?)(/|\.[a-z]{2,5}$|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListingSegment();

    /// <summary>A query that asks for a search or a tag: ?q=, ?query=, ?keyword=, ?kw=, ?tag=, ?s=, ?wd=, ?search=.</summary>
    [GeneratedRegex(@"[?&](q|query|keywords?|kw|tags?|s|wd|search|searchword)=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SearchQuery();

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
        if (IsListing(uri)) return null;
        return uri.AbsoluteUri;
    }

    /// <summary>Whether the URL leads to a listing (tag, topic, keyword, search) rather than to a text.</summary>
    public static bool IsListing(Uri uri) => ListingSegment().IsMatch(uri.AbsolutePath) || SearchQuery().IsMatch(uri.Query);
}
