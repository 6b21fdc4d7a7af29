using AngleSharp.Dom;

namespace EbookBuilder.Ingest.Html;

/// <summary>
/// Recognises caption markup of the news families: figcaption, class names that say caption
/// (caption, image-caption, wp-caption-text, ...), RFA's #headerimgcaption, and centred blocks
/// where the text after an image is its caption (SecretChina).
/// </summary>
internal static class CaptionRules
{
    public static bool IsCaptionElement(IElement element)
    {
        if (element.LocalName == "figcaption") return true;
        if (element.Id is { } id && id.Contains("caption", StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var token in element.ClassList)
        {
            // "wp-caption" is the wrapper of image and caption; its "-text" child is the caption.
            if (token.Equals("wp-caption", StringComparison.OrdinalIgnoreCase)) continue;
            if (token.Contains("caption", StringComparison.OrdinalIgnoreCase) && !token.Contains("captioned", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>A block whose text after an image is that image's caption.</summary>
    public static bool IsCentredImageBlock(IElement element)
    {
        var centred = element.LocalName == "center"
            || (element.GetAttribute("style") is { } style
                && style.Replace(" ", "", StringComparison.Ordinal).Contains("text-align:center", StringComparison.OrdinalIgnoreCase))
            || string.Equals(element.GetAttribute("align"), "center", StringComparison.OrdinalIgnoreCase);
        return centred && element.QuerySelector("img") is not null;
    }

    /// <summary>Alt (or title) text is worth a caption when it says more than the article title and is not a file name.</summary>
    public static bool AltIsCaption(string? alt, string articleTitle)
    {
        if (string.IsNullOrWhiteSpace(alt)) return false;
        var a = alt.Trim();
        if (a.Length < 4) return false;
        if (string.Equals(a, articleTitle.Trim(), StringComparison.Ordinal)) return false;
        if (articleTitle.Contains(a, StringComparison.Ordinal)) return false;
        var lower = a.ToLowerInvariant();
        return !(lower.EndsWith(".jpg") || lower.EndsWith(".jpeg") || lower.EndsWith(".png") || lower.EndsWith(".gif")
            || lower.EndsWith(".webp") || lower.StartsWith("image") || lower.StartsWith("photo") || lower.StartsWith("img"));
    }
}
