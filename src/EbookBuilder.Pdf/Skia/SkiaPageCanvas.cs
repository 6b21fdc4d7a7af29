using System.Runtime.InteropServices;
using EbookBuilder.Pdf.Drawing;
using EbookBuilder.Pdf.Typesetting;
using SkiaSharp;

namespace EbookBuilder.Pdf.Skia;

/// <summary>
/// Draws onto a page of Skia's PDF backend: positioned text runs carry the text and clusters
/// (/ActualText). Fonts, paints and the blob builder are made once per page, not once per run;
/// typefaces once per document (<see cref="SkiaTypefaces"/>: Skia embeds a font once per typeface).
/// </summary>
internal sealed class SkiaPageCanvas(SKCanvas canvas, SkiaTypefaces typefaces) : IPageCanvas, IDisposable
{
    private readonly Dictionary<(int, float), SKFont> _fonts = [];
    private readonly Dictionary<Color, SKPaint> _paints = [];
    private readonly SKTextBlobBuilder _builder = new();

    /// <summary>
    /// Whether the page is set vertically: the canvas is turned a quarter clockwise (lines become
    /// columns, right to left), so Latin words lie on their side with the line; upright characters
    /// (CJK, their punctuation in the font's vertical forms, and numbers of one or two digits, side
    /// by side) are each turned back about their em box, and images are drawn upright.
    /// </summary>
    public bool Vertical { get; set; }

    /// <summary>Where the ideographic em box's middle is above the baseline, in ems (CJK fonts' box runs from −0.12 to 0.88 em).</summary>
    private const float EmBoxMiddle = 0.38f;

    /// <summary>How far a word on its side is raised off the line's baseline, in ems, so that Latin letters (their middle 0.25 em up) sit in the middle of the column.</summary>
    private const float SidewaysRaise = 0.12f;

    public void DrawText(in GlyphRun run)
    {
        var key = (run.Face.Id, run.FontSize);
        if (!_fonts.TryGetValue(key, out var font))
        {
            font = new SKFont(typefaces.For(run.Face), run.FontSize) { Subpixel = true, Hinting = SKFontHinting.None, Edging = SKFontEdging.Antialias };
            _fonts[key] = font;
        }
        if (Vertical)
        {
            DrawVertical(run, font);
            return;
        }
        var blobRun = _builder.AllocatePositionedTextRun(font, run.Glyphs.Length, run.Utf8.Length, null);
        blobRun.SetGlyphs(run.Glyphs);
        blobRun.SetPositions(MemoryMarshal.Cast<Point, SKPoint>(run.Positions)); // the same two floats
        blobRun.SetText(run.Utf8);
        blobRun.SetClusters(run.Clusters);
        Draw(run.Color);
    }

    private void DrawVertical(in GlyphRun run, SKFont font)
    {
        var size = run.FontSize;
        var count = run.Glyphs.Length;
        // Each glyph's origin in the line's frame, and whether it stands upright (turned back a quarter).
        var placed = new (SKPoint At, bool Upright)[count];
        var widths = new float[count];
        font.GetGlyphWidths(run.Glyphs, widths, null);
        for (var i = 0; i < count;)
        {
            var (x, y) = (run.Positions[i].X, run.Positions[i].Y);
            var c = Character(run, i);
            // One or two digits standing alone: upright, side by side, centred in their cell (縦中横).
            var digits = 0;
            while (i + digits < count && digits < 3 && Character(run, i + digits) is >= '0' and <= '9') digits++;
            var before = i > 0 ? Character(run, i - 1) : ' ';
            if (digits is 1 or 2 && !PartOfNumber(before)
                && (i + digits >= count || !PartOfNumber(Character(run, i + digits))))
            {
                var total = 0f;
                for (var d = 0; d < digits; d++) total += widths[i + d];
                var middle = (X: x + total / 2, Y: y - EmBoxMiddle * size);
                var offset = -total / 2;
                for (var d = 0; d < digits; d++)
                {
                    placed[i + d] = (Upright(middle, offset, size), true);
                    offset += widths[i + d];
                }
                i += digits;
                continue;
            }
            placed[i] = VerticalOrientation.IsUpright(c)
                ? (Upright((x + size / 2, y - EmBoxMiddle * size), -size / 2, size), true)
                : (new SKPoint(x, y - SidewaysRaise * size), false);
            i++;
        }
        // Drawn as runs of one orientation, each a positioned run with its text and clusters (so
        // the PDF's text extracts as written): glyphs on their side in the line's frame, upright
        // ones in the page's, where a glyph turned back a quarter is only moved.
        var turn = canvas.TotalMatrix;
        for (var start = 0; start < count;)
        {
            var upright = placed[start].Upright;
            var end = start + 1;
            while (end < count && placed[end].Upright == upright) end++;
            var textStart = (int)run.OwnClusters[start];
            var textEnd = end < count ? (int)run.OwnClusters[end] : run.Utf8.Length;
            var points = new SKPoint[end - start];
            for (var g = start; g < end; g++)
            {
                points[g - start] = upright ? turn.MapPoint(placed[g].At) : placed[g].At;
            }
            if (textEnd > textStart)
            {
                var blobRun = _builder.AllocatePositionedTextRun(font, end - start, textEnd - textStart, null);
                blobRun.SetGlyphs(run.Glyphs[start..end]);
                blobRun.SetPositions(points);
                blobRun.SetText(run.Utf8[textStart..textEnd]);
                var clusters = new uint[end - start];
                for (var g = start; g < end; g++) clusters[g - start] = (uint)Math.Clamp((int)run.OwnClusters[g] - textStart, 0, textEnd - textStart - 1);
                blobRun.SetClusters(clusters);
            }
            else
            {
                // No text of their own (clusters out of order: right-to-left text): the glyphs alone.
                var blobRun = _builder.AllocatePositionedRun(font, end - start, null);
                blobRun.SetGlyphs(run.Glyphs[start..end]);
                blobRun.SetPositions(points);
            }
            if (upright)
            {
                canvas.Save();
                canvas.ResetMatrix();
                Draw(run.Color);
                canvas.Restore();
            }
            else Draw(run.Color);
            start = end;
        }
    }

    /// <summary>
    /// Where, in the line's frame, a glyph turned back a quarter (upright on the page) has its
    /// origin: <paramref name="across"/> from the cell's middle across the column, its baseline below
    /// the middle as in a horizontal em box. The canvas turns the line's x into the page's y and
    /// the line's −y into the page's x: across the column is the line's −y, down the page its x.
    /// </summary>
    private static SKPoint Upright((float X, float Y) middle, float across, float size) =>
        new(middle.X + EmBoxMiddle * size, middle.Y - across);

    /// <summary>A character that makes digits beside it part of a longer number or word (H5N1, 3.5).</summary>
    private static bool PartOfNumber(int c) => c is >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z' or '.' or ',' or ':' or '/' or '-' or '_';

    /// <summary>The character glyph <paramref name="i"/> was shaped from.</summary>
    private static int Character(in GlyphRun run, int i) => CharAt(run.Utf8, (int)run.OwnClusters[i]);

    /// <summary>The character a glyph's cluster starts with.</summary>
    private static int CharAt(ReadOnlySpan<byte> utf8, int at) =>
        System.Text.Rune.DecodeFromUtf8(utf8[Math.Min(at, utf8.Length)..], out var rune, out _) == System.Buffers.OperationStatus.Done ? rune.Value : ' ';

    private void Draw(Color color)
    {
        using var blob = _builder.Build(); // and the builder starts afresh
        if (blob is null) return;
        if (!_paints.TryGetValue(color, out var paint)) _paints[color] = paint = new SKPaint { Color = Skia(color), IsAntialias = true };
        canvas.DrawText(blob, 0, 0, paint);
    }

    public void DrawImage(ImageHandle image, Rect rect)
    {
        // Decoded only now, and let go at once: memory does not grow with the book.
        using var decoded = SkiaImages.Decode(image.Asset);
        if (decoded is null) return;
        if (!Vertical)
        {
            canvas.DrawImage(decoded, Skia(rect), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            return;
        }
        // Upright on the page, in the place the turned line gave it (its size was laid out turned too).
        var onPage = canvas.TotalMatrix.MapRect(Skia(rect));
        canvas.Save();
        canvas.ResetMatrix();
        canvas.DrawImage(decoded, onPage, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        canvas.Restore();
    }

    public void DrawLine(Point from, Point to, Color color, float width)
    {
        using var paint = new SKPaint { Color = Skia(color), StrokeWidth = width, IsAntialias = true, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(Skia(from), Skia(to), paint);
    }

    public void LinkUrl(Rect rect, string url) => canvas.DrawUrlAnnotation(Skia(rect), url)?.Dispose();

    public void LinkTo(Rect rect, string destination) => canvas.DrawLinkDestinationAnnotation(Skia(rect), destination)?.Dispose();

    public void Destination(string name, Point at) => canvas.DrawNamedDestinationAnnotation(Skia(at), name)?.Dispose();

    private static SKColor Skia(Color color) => new(color.Red, color.Green, color.Blue, color.Alpha);

    private static SKRect Skia(Rect rect) => new(rect.Left, rect.Top, rect.Right, rect.Bottom);

    private static SKPoint Skia(Point point) => new(point.X, point.Y);

    public void Dispose()
    {
        foreach (var font in _fonts.Values) font.Dispose();
        foreach (var paint in _paints.Values) paint.Dispose();
        _fonts.Clear();
        _paints.Clear();
        _builder.Dispose();
    }
}
