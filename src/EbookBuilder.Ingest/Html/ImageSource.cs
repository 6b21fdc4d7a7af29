using System.Globalization;
using AngleSharp.Dom;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest.Html;

/// <summary>Finds the best source of an img (lazy-load attributes, srcset, picture sources) and resolves it.</summary>
internal static class ImageSource
{
    private static readonly string[] LazyAttributes = ["data-src", "data-original", "data-lazy-src", "data-actualsrc"];

    public static string? RawSource(IElement img)
    {
        var candidates = new List<(string Url, double Weight)>();
        AddSrcset(candidates, img.GetAttribute("srcset"));
        if (img.ParentElement is { LocalName: "picture" } picture)
        {
            foreach (var source in picture.Children.Where(c => c.LocalName == "source"))
                AddSrcset(candidates, source.GetAttribute("srcset"));
        }
        if (candidates.Count > 0) return candidates.MaxBy(c => c.Weight).Url;
        foreach (var name in LazyAttributes)
        {
            if (img.GetAttribute(name) is { Length: > 0 } lazy) return lazy.Trim();
        }
        return img.GetAttribute("src")?.Trim();
    }

    /// <summary>
    /// The image's location: protocol-relative made https; a relative path stays relative when the
    /// file sits beside the article (a local book), else it resolves against the article's original URL.
    /// </summary>
    public static ImageReference Resolve(IElement img, string raw, Uri? baseUri, string articleFile)
    {
        var location = raw;
        if (raw.StartsWith("//", StringComparison.Ordinal)) location = "https:" + raw;
        else if (!raw.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
                 && !IsWebUrl(raw)
                 && !IsBesideArticle(raw, articleFile)
                 && baseUri is not null
                 && Uri.TryCreate(baseUri, raw, out var resolved))
        {
            // Relative to the article's original page ("/pic/a.jpg" on Unix would otherwise parse as a file URI).
            location = resolved.AbsoluteUri;
        }
        return new ImageReference(location, img.GetAttribute("alt")?.Trim(), Size(img, "width"), Size(img, "height"), img.GetAttribute("title")?.Trim());
    }

    private static bool IsBesideArticle(string raw, string articleFile)
    {
        if (raw.StartsWith('/') || raw.Contains(':')) return false;
        var folder = Path.GetDirectoryName(Path.GetFullPath(articleFile));
        return folder is not null && File.Exists(Path.Combine(folder, Uri.UnescapeDataString(raw.Split('?', '#')[0])));
    }

    private static bool IsWebUrl(string raw) =>
        Uri.TryCreate(raw, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static int? Size(IElement img, string name) =>
        int.TryParse(img.GetAttribute(name)?.Trim().TrimEnd('x', 'p'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;

    private static void AddSrcset(List<(string, double)> candidates, string? srcset)
    {
        if (string.IsNullOrWhiteSpace(srcset)) return;
        foreach (var part in srcset.Split(','))
        {
            var bits = part.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (bits.Length == 0) continue;
            var weight = 1.0;
            if (bits.Length > 1 && bits[1].Length > 1
                && double.TryParse(bits[1][..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w))
            {
                weight = bits[1].EndsWith('x') ? w * 1000 : w;
            }
            candidates.Add((bits[0], weight));
        }
    }
}
