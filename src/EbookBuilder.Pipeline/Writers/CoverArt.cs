using EbookBuilder.Images;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline.Writers;

/// <summary>The drawn cover (title, date range, chapters in the book's font; 1600×2400 JPEG), cached by what it shows.</summary>
internal static class CoverArt
{
    /// <summary>The cover, or null without fonts or when no cover is wanted.</summary>
    public static ImageAsset? Draw(BuildOptions options, Book book)
    {
        if (!options.GenerateCover || options.Fonts is not { } fonts) return null;
        var files = new List<string>();
        if (fonts.Body is { } body && File.Exists(body)) files.Add(body);
        if (Directory.Exists(fonts.BundledDirectory))
            files.AddRange(Directory.GetFiles(fonts.BundledDirectory, "*.ttf").OrderBy(f => f.Contains("Bold", StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal));
        if (files.Count == 0) return null;
        var dates = book.Articles.Select(a => a.Date).OfType<DateOnly>().ToList();
        string Format(DateOnly d) => EbookBuilder.Model.Text.DateText.Format(d, book.Metadata.Language);
        var range = dates.Count == 0 ? null : dates.Min() == dates.Max() ? Format(dates.Min()) : $"{Format(dates.Min())} — {Format(dates.Max())}";
        var under = book.Metadata.Subtitle is { } given ? (range is null ? given : $"{given}　{range}") : range;
        var lines = new[] { book.Metadata.SeriesLine, under }.Where(p => p is not null).ToList();
        var subtitle = lines.Count == 0 ? null : string.Join('\n', lines);
        const int width = 1600, height = 2400;
        var jpeg = CoverRenderer.RenderCached(options.Images.CacheDirectory, book.Metadata.Title, subtitle, book.Chapters.Select(c => c.Title).ToList(), files, width, height);
        return new ImageAsset("cover.jpg", jpeg, "image/jpeg", width, height);
    }
}
