using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline.Writers;

/// <summary>The writers this program has, in the order their files are listed.</summary>
public static class BookWriters
{
    /// <summary>Every writer.</summary>
    public static IReadOnlyList<IBookWriter> All { get; } =
    [
        new EpubBookWriter(), new KepubBookWriter(), new Azw3BookWriter(), new PdfBookWriter(),
        new ImposedPdfBookWriter(Pdf.Imposition.ImpositionKind.Booklet), new ImposedPdfBookWriter(Pdf.Imposition.ImpositionKind.TwoUp),
    ];

    /// <summary>The writers of the formats asked for.</summary>
    public static IReadOnlyList<IBookWriter> For(OutputFormats formats) => All.Where(w => w.IsIn(formats)).ToList();

    /// <summary>The writers a build runs: its formats', and the PDF's sheets when an imposition is asked for with the PDF.</summary>
    public static IReadOnlyList<IBookWriter> For(BuildSettings settings) =>
        All.Where(w => w.IsIn(settings.Formats) || (w is ImposedPdfBookWriter imposed && imposed.Kind == settings.Imposition && settings.Formats.HasFlag(OutputFormats.Pdf))).ToList();

    /// <summary>The text the writers of <paramref name="formats"/> add to the book (for the font stage).</summary>
    public static IReadOnlyList<string> AddedText(OutputFormats formats, Labels labels) => For(formats).SelectMany(w => w.AddedText(labels)).ToList();
}
