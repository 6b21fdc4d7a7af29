using System.Text.RegularExpressions;
using AngleSharp.Dom;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest.Html;

/// <summary>
/// An embedded video player (&lt;video&gt;, or an &lt;iframe&gt;, &lt;embed&gt; or &lt;object&gt;
/// whose address has a player's shape) becomes a figure a book can hold: the player's poster image
/// when the markup names one, a play mark and the video's title (or "视频"), linked to the page
/// where it plays (a YouTube embed's watch page; the page a social network's player wraps). A
/// reader sees that a video was there and can open it; nothing is dropped without a trace.
/// </summary>
internal static partial class VideoEmbed
{
    /// <summary>An address that plays a video: an embed or player path, a watch page, a video file.</summary>
    [GeneratedRegex(@"embed|player|video|/watch|/v/|\.(mp4|m3u8|webm|mov|m4v)(\?|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlayerShape();

    /// <summary>An advertisement's frame, never a video of the article.</summary>
    [GeneratedRegex(@"(^|[/._-])(ads?|adserver|pagead|doubleclick|googlesyndication|banner)([/._?-]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdShape();

    [GeneratedRegex(@"/embed/(?<id>[A-Za-z0-9_-]{6,})")]
    private static partial Regex YouTubeEmbed();

    /// <summary>
    /// The video figure for <paramref name="e"/>, or for the first player inside it when it is a
    /// container the cleaner drops (a site's player box); null when there is no video.
    /// </summary>
    public static Figure? Find(IElement e, ArticleContext context, Func<IElement, SourceSpan> spanOf)
    {
        var player = IsPlayerTag(e) ? e : e.QuerySelectorAll("video, iframe, embed, object").FirstOrDefault();
        if (player is null) return null;
        var (source, poster) = Sources(player);
        var url = Absolute(source, context.BaseUri);
        if (url is null || (player.LocalName != "video" && (!PlayerShape().IsMatch(url.AbsolutePath + url.Query) || AdShape().IsMatch(url.Host + url.AbsolutePath))))
            return null;
        var span = spanOf(player);
        var title = new[] { player.GetAttribute("title"), player.GetAttribute("aria-label"), player.GetAttribute("data-title") }
            .Select(t => t?.Trim()).FirstOrDefault(t => !string.IsNullOrEmpty(t));
        var chinese = context.Title.Any(c => c is >= '\u3400' and <= '\u9FFF');
        var label = title is null ? (chinese ? "视频" : "Video") : (chinese ? "视频：" : "Video: ") + title;
        var posterUrl = Absolute(poster, context.BaseUri);
        return new Figure(posterUrl is null ? null : new ImageReference(posterUrl.AbsoluteUri, title, null, null),
            [new Text("\u25B6 ", span), new Link(PageOf(url).AbsoluteUri, [new Text(label, span)], span)], span)
        {
            Kind = FigureKind.Video,
        };
    }

    private static bool IsPlayerTag(IElement e) => e.LocalName is "video" or "iframe" or "embed" or "object";

    private static (string? Source, string? Poster) Sources(IElement player) => player.LocalName switch
    {
        "video" => (player.GetAttribute("src") ?? player.QuerySelector("source[src]")?.GetAttribute("src"), player.GetAttribute("poster")),
        "object" => (player.GetAttribute("data"), null),
        _ => (player.GetAttribute("src") ?? player.GetAttribute("data-src"), null),
    };

    private static Uri? Absolute(string? raw, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        raw = raw.Trim();
        if (raw.StartsWith("//", StringComparison.Ordinal)) raw = "https:" + raw;
        var ok = Uri.TryCreate(raw, UriKind.Absolute, out var uri) || (baseUri is not null && Uri.TryCreate(baseUri, raw, out uri));
        return ok && uri!.Scheme is "http" or "https" ? uri : null;
    }

    /// <summary>Where the video plays as a page: the page a player wraps (?href=…), a YouTube embed's watch page, else the player's address.</summary>
    private static Uri PageOf(Uri player)
    {
        foreach (var part in player.Query.TrimStart('?').Split('&'))
        {
            var eq = part.IndexOf('=');
            if (eq > 0 && part[..eq] is "href" or "url" && Uri.TryCreate(Uri.UnescapeDataString(part[(eq + 1)..]), UriKind.Absolute, out var wrapped)
                && wrapped.Scheme is "http" or "https")
                return wrapped;
        }
        if ((player.Host.EndsWith("youtube.com", StringComparison.OrdinalIgnoreCase) || player.Host.EndsWith("youtube-nocookie.com", StringComparison.OrdinalIgnoreCase))
            && YouTubeEmbed().Match(player.AbsolutePath) is { Success: true } m)
            return new Uri("https://www.youtube.com/watch?v=" + m.Groups["id"].Value);
        return player;
    }
}
