using System.Diagnostics;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Document;
using EbookBuilder.Pdf.Layout;
using EbookBuilder.Pdf.Typesetting;
using SkiaSharp;

namespace EbookBuilder.Pdf;

/// <summary>
/// Typesets a book as a PDF with Skia's PDF backend and HarfBuzz shaping, in two passes: the first
/// lays everything out and records where each chapter and article lands (so the contents have
/// true page numbers), the second draws, page by page, as each page is finished. The subset fonts
/// of the font stage are what Skia embeds. The outline and /Lang are appended as an incremental update.
/// </summary>
public static class PdfWriter
{
    /// <summary>
    /// Writes <paramref name="book"/> to <paramref name="output"/>, a new, empty, readable and seekable
    /// stream (a file): the outline is appended after Skia's bytes, which are read back for it.
    /// </summary>
    public static PdfResult Write(Book book, ImageBag images, FontBag fonts, PdfOptions options, Stream output, CancellationToken cancellationToken = default)
    {
        if (!output.CanRead || !output.CanSeek || output.Length != 0)
            throw new ArgumentException("the PDF is written to an empty stream that can be read back and sought (a file)", nameof(output));
        var clock = Stopwatch.StartNew();
        var theme = options.Theme;
        const float mm = 72f / 25.4f;
        var (width, height) = PdfTheme.PageSizePoints(options.PageSize ?? theme.PageSize);
        var geometry = new PageGeometry(width, height, theme.MarginTopMm * mm, theme.MarginBottomMm * mm, theme.MarginInsideMm * mm, theme.MarginOutsideMm * mm);
        using var fontSet = new FontSet(fonts);
        var builder = new ElementBuilder(book, images, fontSet, theme, geometry) { CoverImage = options.Cover };

        // Pass 1: where does everything land?
        var counting = new CountingSink(cancellationToken);
        var first = new Paginator(geometry, counting, 1);
        first.Run(builder.Build(null), book.Metadata.Title);

        // Pass 2: draw, with the page numbers of pass 1.
        var decoration = new PageDecoration(fontSet, theme, geometry);
        int pages;
        Dictionary<string, (int Page, float Y)> destinations;
        using (var stream = new SKManagedWStream(output, disposeManagedStream: false))
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
               {
                   Title = book.Metadata.Title,
                   Author = string.Join(", ", book.Metadata.Authors),
                   Subject = string.Join(" · ", book.Chapters.Select(c => c.Title)),
                   Creator = "EbookBuilder",
                   Producer = "EbookBuilder (SkiaSharp PDF)",
                   Creation = options.Timestamp.UtcDateTime,
                   Modified = options.Timestamp.UtcDateTime,
                   RasterDpi = 150,
               }))
        {
            var sink = new SkiaSink(document, decoration, geometry, cancellationToken) { Progress = options.Pages, Total = first.PageNumber };
            var second = new Paginator(geometry, sink, 1);
            second.Run(builder.Build(first.Destinations), book.Metadata.Title);
            document.Close();
            pages = second.PageNumber;
            destinations = second.Destinations;
        }
        PdfOutline.Append(output, Outline(book, destinations), book.Metadata.Language, height);
        return new PdfResult(pages, clock.ElapsedMilliseconds);
    }

    private static List<PdfOutline.Entry> Outline(Book book, IReadOnlyDictionary<string, (int Page, float Y)> at)
    {
        var entries = new List<PdfOutline.Entry>();
        for (var c = 0; c < book.Chapters.Count; c++)
        {
            var children = new List<PdfOutline.Entry>();
            for (var a = 0; a < book.Chapters[c].Articles.Count; a++)
            {
                if (at.TryGetValue(ElementBuilder.ArticleDestination(c, a), out var article))
                    children.Add(new PdfOutline.Entry(book.Chapters[c].Articles[a].Title, article.Page, article.Y, []));
            }
            if (at.TryGetValue(ElementBuilder.ChapterDestination(c), out var chapter))
                entries.Add(new PdfOutline.Entry(book.Chapters[c].Title, chapter.Page, chapter.Y, children));
        }
        return entries;
    }

    /// <summary>The first pass: pages are laid out onto a canvas that only records, and thrown away.</summary>
    private sealed class CountingSink(CancellationToken cancellationToken) : IPageSink
    {
        public IPageCanvas BeginPage(int number)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new NullCanvas();
        }

        public void EndPage(PageInfo page, IPageCanvas canvas) { }
    }

    private sealed class NullCanvas : IPageCanvas
    {
        public void DrawText(FontSet.Face face, float size, SKColor color, ushort[] glyphs, SKPoint[] positions, string text, uint[] clusters) { }
        public void DrawImage(SKImage image, SKRect rect) { }
        public void DrawLine(SKPoint from, SKPoint to, SKColor color, float width) { }
        public void LinkUrl(SKRect rect, string url) { }
        public void LinkTo(SKRect rect, string destination) { }
        public void Destination(string name, SKPoint at) { }
    }

    /// <summary>The second pass: each page goes to the PDF as soon as it is finished.</summary>
    private sealed class SkiaSink(SKDocument document, PageDecoration decoration, PageGeometry geometry, CancellationToken cancellationToken) : IPageSink
    {
        private SkiaPageCanvas? _canvas;

        public IProgress<(int Done, int Total)>? Progress { get; init; }

        public int Total { get; init; }

        public IPageCanvas BeginPage(int number)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _canvas = new SkiaPageCanvas(document.BeginPage(geometry.Width, geometry.Height));
            return _canvas;
        }

        public void EndPage(PageInfo page, IPageCanvas canvas)
        {
            decoration.Draw(canvas, page);
            _canvas?.DisposeFonts();
            document.EndPage();
            Progress?.Report((page.Number, Total));
        }
    }
}
