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

    public virtual IReadOnlyDictionary<string, long> Write(WriterContext context, Stream output, CancellationToken cancellationToken)
    {
        WriteEpub(context, output, context.Settings.ObfuscateFonts, cancellationToken);
        return new Dictionary<string, long>();
    }

    /// <summary>Writes the EPUB (fonts obfuscated or not) to <paramref name="output"/>.</summary>
    protected void WriteEpub(WriterContext context, Stream output, bool obfuscateFonts, CancellationToken cancellationToken, bool fastCompression = false)
    {
        var css = File.ReadAllText(Path.Combine(context.Options.StylesDirectory, "epub.css"), Encoding.UTF8);
        // The drawn cover is made here, beside the PDF, not before both writers start.
        var cover = context.Cover ?? CoverArt.Draw(context.Options, context.Book);
        var options = new EpubOptions(css, context.Timestamp, obfuscateFonts, cover)
        {
            Diagnostics = context.Diagnostics, Labels = context.Labels, ContentPages = ContentPages, FastCompression = fastCompression, Vertical = context.Settings.Vertical,
            Pages = context.PdfPages is { IsCompletedSuccessfully: true } pages ? pages.Result : null, // the write stage waited for it
        };
        EpubWriter.Write(context.Book, context.Images, context.Fonts, options, output, cancellationToken);
    }

    /// <summary>What is done to each content page once written (nothing for the EPUB).</summary>
    protected virtual Func<byte[], byte[]>? ContentPages => null;
}
