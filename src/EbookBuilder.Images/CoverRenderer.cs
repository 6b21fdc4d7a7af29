using System.Text;
using EbookBuilder.Images.Caching;
using SkiaSharp;

namespace EbookBuilder.Images;

/// <summary>
/// Draws a cover when the book has none: the title large, a rule, the date range and the chapter
/// names, set in the book's CJK font on a quiet background, at e-reader resolution (1600×2400
/// JPEG). Deterministic: the same book gives the same bytes.
/// </summary>
public static class CoverRenderer
{
    /// <summary>Renders the cover; <paramref name="fontFiles"/> are tried in order for each character (bold first).</summary>
    public static byte[] Render(string title, string? subtitle, IReadOnlyList<string> chapters, IReadOnlyList<string> fontFiles, int width = 1600, int height = 2400)
    {
        var typefaces = fontFiles.Where(File.Exists).Select(SKTypeface.FromFile).OfType<SKTypeface>().ToList();
        try
        {
            using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
            using (var canvas = new SKCanvas(bitmap))
            {
                canvas.Clear(new SKColor(0xF4, 0xEF, 0xE6));
                using var band = new SKPaint { Color = new SKColor(0x7A, 0x1F, 0x1F) };
                canvas.DrawRect(0, 0, width, height * 0.06f, band);
                canvas.DrawRect(0, height * 0.94f, width, height * 0.06f, band);

                var y = height * 0.26f;
                foreach (var line in Wrap(title, typefaces, width * 0.11f, width * 0.8f))
                {
                    DrawCentered(canvas, line, typefaces, width * 0.11f, new SKColor(0x22, 0x22, 0x22), width, y);
                    y += width * 0.11f * 1.35f;
                }
                using var rule = new SKPaint { Color = new SKColor(0x7A, 0x1F, 0x1F), StrokeWidth = 6, IsAntialias = true };
                canvas.DrawLine(width * 0.3f, y, width * 0.7f, y, rule);
                y += width * 0.09f;
                if (!string.IsNullOrEmpty(subtitle))
                {
                    // Its lines (the series and issue, then the subtitle and dates), each wrapped to the cover.
                    foreach (var line in subtitle.Split('\n').SelectMany(l => Wrap(l, typefaces, width * 0.04f, width * 0.8f)))
                    {
                        DrawCentered(canvas, line, typefaces, width * 0.04f, new SKColor(0x55, 0x55, 0x55), width, y);
                        y += width * 0.06f;
                    }
                    y += width * 0.04f;
                }
                foreach (var chapter in chapters.Take(12))
                {
                    DrawCentered(canvas, chapter, typefaces, width * 0.045f, new SKColor(0x33, 0x33, 0x33), width, y);
                    y += width * 0.075f;
                }
                if (chapters.Count > 12) DrawCentered(canvas, "……", typefaces, width * 0.045f, new SKColor(0x33, 0x33, 0x33), width, y);
            }
            using var image = SKImage.FromBitmap(bitmap);
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, 88);
            return data.ToArray();
        }
        finally
        {
            foreach (var typeface in typefaces) typeface.Dispose();
        }
    }

    /// <summary>
    /// <see cref="Render"/>, or the same bytes from the image cache in <paramref name="cacheDirectory"/>
    /// when a cover was drawn before from the same title, subtitle, chapters, size and font files
    /// (drawing and encoding one is 70 ms of every rebuild). The key also holds the font files'
    /// sizes and times and the builds of this renderer and of Skia, so a change to any of them
    /// draws the cover again.
    /// </summary>
    public static byte[] RenderCached(string cacheDirectory, string title, string? subtitle, IReadOnlyList<string> chapters, IReadOnlyList<string> fontFiles,
        int width = 1600, int height = 2400)
    {
        var cache = new ImageCache(cacheDirectory);
        var key = DrawingKey(title, subtitle, chapters, fontFiles, width, height);
        if (cache.TryGetCover(key) is { } cached) return cached;
        var jpeg = Render(title, subtitle, chapters, fontFiles, width, height);
        cache.PutCover(key, jpeg);
        return jpeg;
    }

    /// <summary>The hash of everything a cover is drawn from.</summary>
    private static string DrawingKey(string title, string? subtitle, IReadOnlyList<string> chapters, IReadOnlyList<string> fontFiles, int width, int height)
    {
        var text = new StringBuilder("cover\0")
            .Append(typeof(CoverRenderer).Assembly.ManifestModule.ModuleVersionId).Append('\0')
            .Append(typeof(SKCanvas).Assembly.ManifestModule.ModuleVersionId).Append('\0')
            .Append(width).Append('x').Append(height).Append('\0')
            .Append(title).Append('\0').Append(subtitle).Append('\0');
        foreach (var chapter in chapters) text.Append(chapter).Append('\0');
        foreach (var file in fontFiles)
        {
            var info = new FileInfo(file);
            text.Append(info.FullName).Append('\0').Append(info.Exists ? info.Length : -1).Append('\0')
                .Append(info.Exists ? info.LastWriteTimeUtc.Ticks : 0).Append('\0');
        }
        return ImageCache.Hash(text.ToString());
    }

    /// <summary>Breaks a title into lines that fit, between any two characters (titles are short).</summary>
    private static List<string> Wrap(string text, IReadOnlyList<SKTypeface> typefaces, float size, float maxWidth)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var rune in text.EnumerateRunes())
        {
            var next = current + rune;
            if (current.Length > 0 && Measure(next, typefaces, size) > maxWidth)
            {
                lines.Add(current);
                current = rune.ToString().TrimStart();
            }
            else current = next;
        }
        if (current.Length > 0) lines.Add(current);
        return lines.Take(4).ToList();
    }

    private static float Measure(string text, IReadOnlyList<SKTypeface> typefaces, float size) =>
        text.EnumerateRunes().Sum(r => Advance(r, typefaces, size));

    private static float Advance(System.Text.Rune rune, IReadOnlyList<SKTypeface> typefaces, float size)
    {
        var typeface = Pick(rune, typefaces);
        if (typeface is null) return size;
        using var font = new SKFont(typeface, size);
        return font.MeasureText(rune.ToString());
    }

    private static SKTypeface? Pick(System.Text.Rune rune, IReadOnlyList<SKTypeface> typefaces)
    {
        foreach (var typeface in typefaces)
        {
            using var font = new SKFont(typeface);
            if (font.ContainsGlyph(rune.Value)) return typeface;
        }
        return typefaces.FirstOrDefault();
    }

    private static void DrawCentered(SKCanvas canvas, string text, IReadOnlyList<SKTypeface> typefaces, float size, SKColor color, int width, float baseline)
    {
        var x = (width - Measure(text, typefaces, size)) / 2;
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        foreach (var rune in text.EnumerateRunes())
        {
            var typeface = Pick(rune, typefaces);
            if (typeface is null) continue;
            using var font = new SKFont(typeface, size) { Edging = SKFontEdging.Antialias };
            canvas.DrawText(rune.ToString(), x, baseline, SKTextAlign.Left, font, paint);
            x += font.MeasureText(rune.ToString());
        }
    }
}
