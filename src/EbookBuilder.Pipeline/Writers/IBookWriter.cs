using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline.Writers;

/// <summary>
/// One output format (mdBook's renderers): the pipeline runs every writer the build asks for side
/// by side, each into its own atomic file, and knows nothing of any format.
/// </summary>
public interface IBookWriter
{
    /// <summary>The format's name, as <c>--format</c> and the report give it.</summary>
    string Format { get; }

    /// <summary>The file's extension (after the book's name and a dot): "epub", "kepub.epub".</summary>
    string Extension { get; }

    /// <summary>Whether this writer is among the formats asked for.</summary>
    bool IsIn(OutputFormats formats);

    /// <summary>
    /// The text this writer adds to the book's own, in the book's language: its labels, the
    /// characters of page numbers, dates and leaders. The font stage subsets it with the book, so
    /// that whatever the writer draws has a glyph.
    /// </summary>
    IEnumerable<string> AddedText(Labels labels);

    /// <summary>
    /// Writes the book; returns the figures the report and the benchmark show (by name, as
    /// "pdfPages"; none where a format has nothing to count). A writer never reads a source file.
    /// </summary>
    IReadOnlyDictionary<string, long> Write(WriterContext context, Stream output, CancellationToken cancellationToken);
}
