using EbookBuilder.Model.Document;
using EbookBuilder.Pdf;
using EbookBuilder.Pdf.Imposition;

namespace EbookBuilder.Pipeline.Writers;

/// <summary>
/// The PDF's pages on sheets (<c>--imposition booklet|2up</c>): NAME.booklet.pdf, to print on both
/// sides and fold, or NAME.2up.pdf, the spreads for a screen. Not a format of its own: it comes with
/// the PDF and plays the pages the PDF writer recorded, so the book is laid out once.
/// </summary>
internal sealed class ImposedPdfBookWriter(ImpositionKind kind) : IBookWriter
{
    public ImpositionKind Kind => kind;

    public string Format => kind == ImpositionKind.Booklet ? "booklet" : "2up";

    public string Extension => Format + ".pdf";

    /// <summary>Never asked for as a format: <see cref="BookWriters.For(BuildSettings)"/> adds it after the PDF.</summary>
    public bool IsIn(OutputFormats formats) => false;

    /// <summary>What the PDF's pages draw: the sheets add nothing of their own.</summary>
    public IEnumerable<string> AddedText(Labels labels) => [.. labels.All, WriterCharacters.Common];

    public IReadOnlyDictionary<string, long> Write(WriterContext context, Stream output, CancellationToken cancellationToken)
    {
        // The write stage waited for the PDF; without its pages (it failed) the PDF's failure is the build's.
        using var pages = context.RecordedPdf is { IsCompletedSuccessfully: true, Result: { } recorded } ? recorded : throw new OperationCanceledException("the PDF was not made");
        var book = context.Book.Metadata;
        var result = Imposer.Write(pages, kind, context.Settings.Signature, book.Title, book.Language, context.Timestamp, output, cancellationToken);
        return new Dictionary<string, long> { [Format + "Sides"] = result.Sides, [Format + "BlankPages"] = result.BlankPages };
    }
}
