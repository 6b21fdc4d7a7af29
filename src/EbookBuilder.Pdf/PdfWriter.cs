using System.Diagnostics;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Pdf.Drawing;
using EbookBuilder.Pdf.Layout;
using EbookBuilder.Pdf.Skia;
using EbookBuilder.Pdf.Typesetting;
using SkiaSharp;

namespace EbookBuilder.Pdf;

/// <summary>
/// Typesets a book as a PDF with Skia's PDF backend and HarfBuzz shaping, in one pass: the cover,
/// then the chapters (numbered as if the contents were already in front of them, since the
/// contents' length does not depend on its page numbers), then the contents with the page numbers
/// the chapters got. Each page goes to the PDF as soon as it is finished. The outline, /Lang and a
/// page tree that puts the contents back after the cover are appended as an incremental update.
/// The subset fonts of the font stage are what Skia embeds.
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
        EnsureGlyphCache();
        var theme = options.Theme;
        const float mm = 72f / 25.4f;
        var (width, height) = PdfTheme.PageSizePoints(options.PageSize ?? theme.PageSize);
        var page = PageGeometry.InWholeCharacters(width, height, theme.MarginTopMm * mm, theme.MarginBottomMm * mm, theme.MarginInsideMm * mm, theme.MarginOutsideMm * mm, theme.BodySize)
            with { BoundRight = options.Vertical };
        // A vertical book is laid out as a horizontal one turned a quarter, and turned onto its pages as they are drawn.
        var geometry = options.Vertical ? page.Turned(theme.BodySize) : page;
        using var fontSet = new FontSet(fonts, book.Metadata.Language, options.Vertical);
        if (options.Columns > 1 && options.Vertical) throw new ArgumentException("a vertical book is set in one column", nameof(options));
        if (options.KeepPages && options.BleedMm > 0) throw new ArgumentException("pages on a sheet with crop marks are not put on sheets again: keep the pages without a bleed", nameof(options));
        // Kept pages own their typefaces; otherwise they outlive the document (its recorded pages hold them) and no more.
        var recorded = options.KeepPages ? new RecordedPages(page.Width, page.Height, options.Vertical) : null;
        using var ownTypefaces = recorded is null ? new SkiaTypefaces() : null;
        var typefaces = recorded?.Typefaces ?? ownTypefaces!;
        try
        {
            var result = Write(book, images, options, output, page, geometry, fontSet, typefaces, recorded, clock, cancellationToken);
            return result with { Recorded = recorded };
        }
        catch
        {
            recorded?.Dispose();
            throw;
        }
        finally
        {
            // The book's typefaces are its own subsets: their outlines in Skia's cache serve no other
            // book. Books written one after another (--split chapter) filled the 64 MB each time.
            if (recorded is null) SKGraphics.PurgeFontCache();
        }
    }

    /// <summary>The book laid out on <paramref name="geometry"/> and drawn on pages of <paramref name="page"/> (turned, for a vertical book).</summary>
    private static PdfResult Write(Book book, ImageBag images, PdfOptions options, Stream output, PageGeometry page, PageGeometry geometry, FontSet fontSet,
        SkiaTypefaces typefaces, RecordedPages? recorded, Stopwatch clock, CancellationToken cancellationToken)
    {
        var theme = options.Theme;
        const float mm = 72f / 25.4f;
        Func<int, SKMatrix>? turn = options.Vertical ? number => Matrix(page.TurnedToPage(geometry, number)) : null;
        var marks = options.BleedMm > 0 ? new CropMarks(page.Width, page.Height, options.BleedMm * mm) : null;
        // The chapters in columns; the cover and the contents across the page.
        var columns = geometry.InColumns(options.Columns, theme.BodySize);
        var builder = new ElementBuilder(book, images, fontSet, theme, columns, options.Labels ?? Labels.For(book.Metadata.Language))
        {
            TitlesAcross = options.TitlesAcross,
            CoverImage = options.Cover,
            Cancellation = cancellationToken,
            Vertical = options.Vertical,
            Warn = options.Diagnostics is { } diagnostics ? (message, where) => diagnostics.Warn(DiagnosticCodes.WriterFallback, "PDF: " + message, where) : null,
        };
        Action<Element, Exception>? onFault = options.Diagnostics is null ? null
            : (element, exception) => builder.Fault(element.Description, exception, element.Source, replaced: element.Fallback is not null);
        var title = book.Metadata.Title;

        // How many pages the cover and the contents take (the contents without page numbers).
        var counting = new CountingSink(cancellationToken);
        var cover = new Paginator(geometry, counting, 1);
        cover.Run(builder.Front(), title);
        var contentsCount = new Paginator(geometry, counting, cover.PageNumber + 1);
        contentsCount.Run(builder.Contents(null), title);
        var (coverPages, contentsPages) = (cover.PageNumber, contentsCount.PageNumber - cover.PageNumber);

        var decoration = new PageDecoration(fontSet, theme, page);
        var blockPages = new Dictionary<(int Chapter, int Article, int Block), int>();
        int pages;
        Dictionary<string, (int Page, float Y)> destinations;
        Paginator body;
        PageMap pageMap;
        using (var stream = new FailSafeStream(output))
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
               {
                   Title = title,
                   Author = string.Join(", ", book.Metadata.Authors),
                   Subject = string.Join(" · ", book.Chapters.Select(c => c.Title)),
                   Creator = "EbookBuilder",
                   Producer = "EbookBuilder (SkiaSharp PDF)",
                   Creation = options.Timestamp.UtcDateTime,
                   Modified = options.Timestamp.UtcDateTime,
                   RasterDpi = 150,
               }))
        {
            using (var sink = new SkiaPageSink(document, typefaces, stream, decoration, page, cancellationToken, turn, recorded, marks))
            {
                new Paginator(geometry, sink, 1).Run(builder.Front(), title);
                body = new Paginator(columns, sink, coverPages + contentsPages + 1, onFault)
                {
                    Started = (element, page) =>
                    {
                        // Taken out once placed: the builder holds no element the paginator is done with.
                        if (builder.BlockStarts.Remove(element, out var key)) blockPages.TryAdd(key, page);
                    },
                };
                body.Run(Reporting(builder.Body(), book.Articles.Count(), options.Articles), title);
                // Every page number is known now: the EPUB writer waiting for them need not wait for the drawing.
                pageMap = PageStarts(book, body.Destinations, blockPages) with { Source = $"PDF, {page.Width / mm:0} × {page.Height / mm:0} mm" };
                options.PagesKnown?.Invoke(pageMap);
                var contents = new Paginator(geometry, sink, coverPages + 1);
                contents.Run(builder.Contents(body.Destinations), title);
                if (contents.PageNumber != coverPages + contentsPages)
                    throw new InvalidOperationException($"the contents took {contents.PageNumber - coverPages} pages, {contentsPages} were counted");
                sink.Finish();
            }
            document.Close();
            stream.ThrowIfFailed();
            pages = Math.Max(body.PageNumber, coverPages + contentsPages);
            destinations = body.Destinations;
        }
        // Skia's page order is cover, chapters, contents; readers see cover, contents, chapters.
        PdfOutline.Append(output, Outline(book, destinations), book.Metadata.Language, front: coverPages, moved: contentsPages, rightToLeft: options.Vertical,
            boxes: marks is null ? null : new Update.PageBoxes(marks.Slug, page.Width, page.Height, marks.Bleed));
        return new PdfResult(pages, clock.ElapsedMilliseconds) {
            ShortPages = body.ShortPages,
            StrandedHeadings = body.StrandedHeadings,
            LoneLines = builder.LoneLines,
            LooseLines = builder.LooseLines,
            RaggedLines = builder.RaggedLines,
            PageMap = pageMap,
        };
    }

    /// <summary>A matrix x' = a·x + c·y + e, y' = b·x + d·y + f as Skia writes it.</summary>
    private static SKMatrix Matrix((float A, float B, float C, float D, float E, float F) m) => new(m.A, m.C, m.E, m.B, m.D, m.F, 0, 0, 1);

    /// <summary>
    /// Skia keeps the outline of every glyph it writes to a PDF in its glyph cache, 2 MB by default.
    /// A Chinese book draws some thousands of distinct glyphs (10 MB of outlines for the corpus's
    /// 5,900): at 2 MB they are evicted and extracted from the font again and again (PDF 2.05 s ->
    /// 1.5 s for the corpus with 64 MB). The cache is process-wide; the limit only ever grows here.
    /// </summary>
    private static void EnsureGlyphCache()
    {
        const long bytes = 64L * 1024 * 1024;
        if (SKGraphics.GetFontCacheLimit() < bytes) SKGraphics.SetFontCacheLimit(bytes);
    }

    /// <summary>Reports each article as the paginator takes its first element.</summary>
    private static IEnumerable<Element> Reporting(IEnumerable<Element> elements, int articles, IProgress<(int Done, int Total)>? progress)
    {
        var done = 0;
        foreach (var element in elements)
        {
            if (progress is not null && element is DestinationElement { Level: 1 }) progress.Report((++done, articles));
            yield return element;
        }
    }

    /// <summary>For each page, the first place of the book that starts on it: a chapter's title, an article's, or a block.</summary>
    private static PageMap PageStarts(Book book, IReadOnlyDictionary<string, (int Page, float Y)> drawn, Dictionary<(int Chapter, int Article, int Block), int> blocks)
    {
        var places = new List<((int Chapter, int Article, int Block) Key, int Page)>(blocks.Select(b => (b.Key, b.Value)));
        for (var c = 0; c < book.Chapters.Count; c++)
        {
            if (drawn.TryGetValue(ElementBuilder.ChapterDestination(c), out var chapter)) places.Add(((c, -1, -1), chapter.Page));
            for (var a = 0; a < book.Chapters[c].Articles.Count; a++)
            {
                if (drawn.TryGetValue(ElementBuilder.ArticleDestination(c, a), out var article)) places.Add(((c, a, -1), article.Page));
            }
        }
        var starts = places.OrderBy(p => p.Key).GroupBy(p => p.Page).ToDictionary(g => g.First().Key, g => g.Key);
        return new PageMap(starts);
    }

    /// <summary>Bookmarks for the chapters and their articles whose named destinations were drawn.</summary>
    private static List<PdfOutline.Entry> Outline(Book book, IReadOnlyDictionary<string, (int Page, float Y)> drawn)
    {
        var entries = new List<PdfOutline.Entry>();
        for (var c = 0; c < book.Chapters.Count; c++)
        {
            var children = new List<PdfOutline.Entry>();
            for (var a = 0; a < book.Chapters[c].Articles.Count; a++)
            {
                var article = ElementBuilder.ArticleDestination(c, a);
                if (drawn.ContainsKey(article)) children.Add(new PdfOutline.Entry(book.Chapters[c].Articles[a].Title, article, []));
            }
            var chapter = ElementBuilder.ChapterDestination(c);
            if (drawn.ContainsKey(chapter)) entries.Add(new PdfOutline.Entry(book.Chapters[c].Title, chapter, children));
        }
        return entries;
    }

    /// <summary>For counting pages: pages are laid out onto a canvas that draws nothing, and thrown away.</summary>
    private sealed class CountingSink(CancellationToken cancellationToken) : IPageSink
    {
        public IPageCanvas BeginPage(int number)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new NullCanvas();
        }

        public void EndPage(PageInfo page, IPageCanvas canvas) { }
    }
}
