using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace EbookBuilder.Ingest.Html;

/// <summary>
/// What is not article content: scripts and embeds, hidden elements, ads, share and comment
/// widgets, tracking pixels and QR codes of the mirror. Decided per element, generically.
/// </summary>
internal static partial class JunkRules
{
    private static readonly HashSet<string> RemovedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
        "button", "select", "textarea", "canvas", "svg", "math", "video", "audio", "track", "link", "meta",
        "template", "ins", "map", "area", "nav", "dialog", "head", "title", "base",
    };

    [GeneratedRegex(@"^(ad|ads|advert.*|adsbygoogle|ad[-_].*|.*[-_]ads?|gpt-ad.*|div-gpt-ad.*|sponsor.*|share.*|.*[-_]share|sharing.*|social.*|comments?|comment[-_].*|related.*|taboola.*|outbrain.*|iframely.*|soh-embed.*|dc-embed.*|dv-container|dv-viewer.*|jfk-bubble|gtx-bubble|below_article_ad|slot_header|newsletter.*|subscribe.*|print-only|qrcode.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JunkToken();

    [GeneratedRegex(@"(display\s*:\s*none|visibility\s*:\s*hidden)", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"(^|;)\s*(width|height)\s*:\s*[01](px)?\s*(;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ZeroSizeStyle();

    /// <summary>Whether the element and everything inside it is junk.</summary>
    public static bool IsJunk(IElement element)
    {
        if (RemovedTags.Contains(element.LocalName)) return true;
        if (element.HasAttribute("hidden")) return true;
        var style = element.GetAttribute("style");
        if (style is not null && HiddenStyle().IsMatch(style)) return true;
        foreach (var token in element.ClassList)
        {
            if (JunkToken().IsMatch(token)) return true;
        }
        var id = element.Id;
        return !string.IsNullOrEmpty(id) && JunkToken().IsMatch(id);
    }

    /// <summary>Zero- or one-pixel images, mirror QR codes, pages linked as images and ad banners are not the article's pictures.</summary>
    public static bool IsTrackingImage(IElement img, string? src)
    {
        if (string.IsNullOrWhiteSpace(src)) return true;
        if (IsTiny(img.GetAttribute("width")) || IsTiny(img.GetAttribute("height"))) return true;
        var style = img.GetAttribute("style");
        if (style is not null && ZeroSizeStyle().IsMatch(style)) return true;
        var path = src.Split('?', '#')[0];
        return path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".md.png", StringComparison.OrdinalIgnoreCase)
            || AdImagePath().IsMatch(path);
    }

    /// <summary>Images served from a site's ad folders ("/kzgd/ad/join_membership_728x90.jpg") are advertising.</summary>
    [GeneratedRegex(@"/(ad|ads|adv|advert|adverts|banners?)/", RegexOptions.IgnoreCase)]
    private static partial Regex AdImagePath();

    private static bool IsTiny(string? size)
    {
        if (size is null) return false;
        var digits = size.Trim().TrimEnd('x', 'p', 'X', 'P').Trim();
        return digits is "0" or "1";
    }
}
