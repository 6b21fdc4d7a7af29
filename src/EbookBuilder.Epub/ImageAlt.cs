namespace EbookBuilder.Epub;

/// <summary>
/// An image's text alternative, as a screen reader reads it: its caption when it has one (what the
/// page says the image shows), else the source's alt text when it describes the image, else empty,
/// which marks the image decorative. Sites often fill alt with the article's title, a file name or
/// an address: none of these describes the image, and a reader would hear them as noise.
/// </summary>
internal static class ImageAlt
{
    public static string For(string? sourceAlt, string caption, string? articleTitle)
    {
        var captionText = caption.Trim();
        if (captionText.Length > 0) return captionText;
        var alt = (sourceAlt ?? "").Trim();
        if (alt.Length == 0 || IsAddressOrFileName(alt) || IsTitle(alt, articleTitle)) return "";
        return alt;
    }

    private static bool IsAddressOrFileName(string alt) =>
        alt.Contains("://", StringComparison.Ordinal) || alt.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || (!alt.Contains(' ') && System.IO.Path.GetExtension(alt).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".gif" or ".webp" or ".bmp" or ".svg" or ".avif");

    /// <summary>The title, or a piece of it: the text compared without spaces and punctuation.</summary>
    private static bool IsTitle(string alt, string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return false;
        static string Letters(string s) => new([.. s.Where(char.IsLetterOrDigit)]);
        var a = Letters(alt);
        var t = Letters(title);
        return a.Length > 0 && t.Length > 0 && (t.Contains(a, StringComparison.OrdinalIgnoreCase) || a.Contains(t, StringComparison.OrdinalIgnoreCase));
    }
}
