using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace EbookBuilder.Pdf;

/// <summary>
/// What Skia cannot write: the bookmark outline (chapter → article) and the document language.
/// PDFsharp opens Skia's file and adds both (it keeps fonts, text and links; it rewrites the
/// producer and would break PDF/A, which we do not claim).
/// </summary>
internal static class PdfOutline
{
    public sealed record Entry(string Title, int Page, float Y, IReadOnlyList<Entry> Children);

    public static void Apply(string skiaFile, Stream output, IReadOnlyList<Entry> entries, string language, float pageHeight, DateTimeOffset timestamp)
    {
        using var document = PdfReader.Open(skiaFile, PdfDocumentOpenMode.Modify);
        foreach (var entry in entries) Add(document, document.Outlines, entry, pageHeight);
        document.PageMode = PdfPageMode.UseOutlines;
        document.Internals.Catalog.Elements.SetString("/Lang", language);
        document.Info.CreationDate = timestamp.UtcDateTime;
        document.Info.ModificationDate = timestamp.UtcDateTime;
        document.Save(output, closeStream: false);
    }

    private static void Add(PdfDocument document, PdfOutlineCollection into, Entry entry, float pageHeight)
    {
        if (entry.Page < 1 || entry.Page > document.PageCount) return;
        var outline = into.Add(entry.Title, document.Pages[entry.Page - 1], opened: true);
        outline.PageDestinationType = PdfPageDestinationType.Xyz;
        outline.Top = pageHeight - entry.Y;
        foreach (var child in entry.Children) Add(document, outline.Outlines, child, pageHeight);
    }
}
