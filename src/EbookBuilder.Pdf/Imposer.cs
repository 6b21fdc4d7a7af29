using EbookBuilder.Pdf.Imposition;
using EbookBuilder.Pdf.Skia;
using SkiaSharp;

namespace EbookBuilder.Pdf;

/// <summary>What an imposed PDF was: its sheet, the sides written and the blank halves among them.</summary>
public sealed record ImposedResult(string Sheet, int Sides, int BlankPages, long Milliseconds);

/// <summary>
/// Puts a typeset book's recorded pages on sheets (<see cref="SheetPlan"/>), two to a side: each
/// page is played back as it was drawn, scaled to its half (no more than 1) against the fold, and
/// clipped to itself. Text stays text, so the sheets can be searched and copied, and the subset
/// fonts are written once for the whole file.
/// </summary>
public static class Imposer
{
    /// <summary>Writes the sheets of <paramref name="pages"/> to <paramref name="output"/>, an empty readable and seekable stream.</summary>
    public static ImposedResult Write(RecordedPages pages, ImpositionKind kind, int signatureSheets, string title, string language, DateTimeOffset timestamp,
        Stream output, CancellationToken cancellationToken = default)
    {
        if (kind == ImpositionKind.None) throw new ArgumentException("no imposition to write", nameof(kind));
        if (!output.CanRead || !output.CanSeek || output.Length != 0)
            throw new ArgumentException("the PDF is written to an empty stream that can be read back and sought (a file)", nameof(output));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sides = SheetPlan.For(kind, pages.Count, signatureSheets, pages.BoundRight);
        var (width, height, sheet) = Paper.SheetFor(pages.Width, pages.Height);
        var half = width / 2;
        var scale = MathF.Min(1, MathF.Min(half / pages.Width, height / pages.Height));
        var (pageWidth, pageHeight) = (pages.Width * scale, pages.Height * scale);
        var top = (height - pageHeight) / 2;
        using (var stream = new FailSafeStream(output))
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
               {
                   Title = title,
                   Creator = "EbookBuilder",
                   Producer = "EbookBuilder (SkiaSharp PDF)",
                   Creation = timestamp.UtcDateTime,
                   Modified = timestamp.UtcDateTime,
                   RasterDpi = 150,
               }))
        {
            foreach (var side in sides)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var canvas = document.BeginPage(width, height);
                // Against the fold: the left page ends at the middle, the right one starts there.
                Place(canvas, pages, side.Left, half - pageWidth, top, scale);
                Place(canvas, pages, side.Right, half, top, scale);
                document.EndPage();
                stream.ThrowIfFailed();
            }
            document.Close();
            stream.ThrowIfFailed();
        }
        PdfOutline.Append(output, [], language);
        var blanks = sides.Sum(s => (s.Left == 0 ? 1 : 0) + (s.Right == 0 ? 1 : 0));
        return new ImposedResult(sheet, sides.Count, blanks, clock.ElapsedMilliseconds);
    }

    private static void Place(SKCanvas canvas, RecordedPages pages, int number, float x, float y, float scale)
    {
        if (number == 0) return;
        canvas.Save();
        canvas.Translate(x, y);
        canvas.Scale(scale);
        canvas.ClipRect(SKRect.Create(pages.Width, pages.Height));
        canvas.DrawPicture(pages.Page(number));
        canvas.Restore();
    }
}
