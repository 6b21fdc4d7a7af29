using EbookBuilder.Fonts;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Pdf;

namespace EbookBuilder.Pipeline.Writers;

/// <summary>
/// Everything a writer gets, decided once for the build (mdBook's RenderContext): the book, its
/// images and subset fonts, the resolved settings, the labels in the book's language, the
/// timestamp to record, the cover, where the build's files live, and where to report.
/// </summary>
public sealed record WriterContext(
    Book Book,
    ImageBag Images,
    FontBag Fonts,
    BuildSettings Settings,
    Labels Labels,
    DateTimeOffset Timestamp,
    BuildOptions Options,
    DiagnosticBag Diagnostics)
{
    /// <summary>The cover image given or fetched (a book file's cover), or null to let the writer draw or set one.</summary>
    public ImageAsset? Cover { get; init; }

    /// <summary>Where a writer reports its progress (its own stage name), or null.</summary>
    public IProgress<BuildProgress>? Progress { get; init; }

    /// <summary>
    /// Where the PDF built beside the other formats begins its pages, once it is typeset (null when
    /// no PDF is built, or it failed): the EPUB's page-list. Its writer waits for it.
    /// </summary>
    public Task<PageMap?>? PdfPages => PdfPagesSource?.Task;

    /// <summary>Set by the PDF writer (and, whatever happens to it, by the write stage).</summary>
    internal TaskCompletionSource<PageMap?>? PdfPagesSource { get; init; }

    /// <summary>
    /// The PDF's pages as recorded, for the imposed sheets (null when the PDF failed). Only when an
    /// imposition is written; its writer waits for them and disposes them.
    /// </summary>
    public Task<RecordedPages?>? RecordedPdf => RecordedPdfSource?.Task;

    /// <summary>Set by the PDF writer (and, whatever happens to it, by the write stage).</summary>
    internal TaskCompletionSource<RecordedPages?>? RecordedPdfSource { get; init; }
}
