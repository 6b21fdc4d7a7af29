using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline.Writers;

/// <summary>The writers this program has, in the order their files are listed.</summary>
public static class BookWriters
{
    /// <summary>Every writer.</summary>
    public static IReadOnlyList<IBookWriter> All { get; } = [new EpubBookWriter(), new KepubBookWriter(), new Azw3BookWriter(), new PdfBookWriter()];

    /// <summary>The writers of the formats asked for.</summary>
    public static IReadOnlyList<IBookWriter> For(OutputFormats formats) => All.Where(w => w.IsIn(formats)).ToList();

    /// <summary>The text the writers of <paramref name="formats"/> add to the book (for the font stage).</summary>
    public static IReadOnlyList<string> AddedText(OutputFormats formats, Labels labels) => For(formats).SelectMany(w => w.AddedText(labels)).ToList();
}
