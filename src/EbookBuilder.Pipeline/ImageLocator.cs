using EbookBuilder.Assembly;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline;

/// <summary>
/// Turns the locations articles give their images into ones the image stage can fetch: remote
/// URLs and data: URIs as they are, relative paths against the article's folder. A local path
/// outside the book's folder (absolute paths, file: URLs, "../" escapes, links that lead out) is
/// refused, and so is anything but a regular file, so that a crafted article cannot put the
/// user's files into a book (<see cref="BookFolder.Check"/>).
/// </summary>
internal static partial class ImageLocator
{
    /// <summary>A URL scheme (RFC 3986) of two or more letters: one letter is a Windows drive.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]+:")]
    private static partial System.Text.RegularExpressions.Regex UrlScheme();

    public static (Book Book, List<ImageFailure> Refused) Resolve(Book book, string root)
    {
        var refused = new Dictionary<string, ImageFailure>(StringComparer.Ordinal);

        Figure Map(Article article, Figure figure)
        {
            if (figure.Image is not { } image) return figure;
            var location = image.Location;
            if (location.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return figure;
            if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                return figure with { Image = image with { Location = uri.AbsoluteUri } };
            // Markdown escapes an IPv6 host's brackets (http://%5B::1%5D/): still a URL, never a file name.
            if (UrlScheme().IsMatch(location) && Uri.TryCreate(Uri.UnescapeDataString(location), UriKind.Absolute, out var unescaped) && unescaped.Scheme is "http" or "https")
                return figure with { Image = image with { Location = unescaped.AbsoluteUri } };
            if (location.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(location)
                || (uri is not null && uri.Scheme.Length > 1) || UrlScheme().IsMatch(location))
            {
                refused.TryAdd(location, new ImageFailure(location, "refused: only http(s), data: and paths inside the book's folder are read"));
                return figure;
            }
            var relative = Uri.UnescapeDataString(location.Split('?', '#')[0]);
            var folder = Path.GetDirectoryName(Path.GetFullPath(article.Source.File))!;
            var check = BookFolder.Check(root, Path.Combine(folder, relative));
            if (check.Outside || check.Kind == Model.Text.FileKind.Special)
            {
                refused.TryAdd(location, new ImageFailure(location, $"refused: the path {check.Refusal}"));
                return figure;
            }
            return figure with { Image = image with { Location = check.Real } };
        }

        var chapters = book.Chapters
            .Select(c => c with { Articles = c.Articles.Select(a => a with { Blocks = Figures.Map(a.Blocks, f => Map(a, f)) }).ToArray() })
            .ToArray();
        return (book with { Chapters = chapters }, refused.Values.ToList());
    }
}
