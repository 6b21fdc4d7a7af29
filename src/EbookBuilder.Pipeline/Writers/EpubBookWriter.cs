using System.Text;
using EbookBuilder.Epub;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline.Writers;

/// <summary>EPUB 3: the stylesheet from the styles folder, the cover given or drawn in the book's font.</summary>
internal class EpubBookWriter : IBookWriter
{
    public virtual string Format => "epub";

    public virtual string Extension => "epub";

    public virtual bool IsIn(OutputFormats formats) => formats.HasFlag(OutputFormats.Epub);

    public IEnumerable<string> AddedText(Labels labels) => [.. labels.All, WriterCharacters.Common];

    public IReadOnlyDictionary<string, long> Write(WriterContext context, Stream output, CancellationToken cancellationToken)
    {
        var css = File.ReadAllText(Path.Combine(context.Options.StylesDirectory, "epub.css"), Encoding.UTF8);
        // The drawn cover is made here, beside the PDF, not before both writers start.
        var cover = context.Cover ?? CoverArt.Draw(context.Options, context.Book);
        var options = new EpubOptions(css, context.Timestamp, context.Settings.ObfuscateFonts, cover)
        {
            Diagnostics = context.Diagnostics, Labels = context.Labels, ContentPages = ContentPages,
        };
        EpubWriter.Write(context.Book, context.Images, context.Fonts, options, output, cancellationToken);
        return new Dictionary<string, long>();
    }

    /// <summary>What is done to each content page once written (nothing for the EPUB).</summary>
    protected virtual Func<byte[], byte[]>? ContentPages => null;
}
