using System.Text;
using EbookBuilder.Epub;
using EbookBuilder.Pdf;
using EbookBuilder.Pdf.Layout;

namespace EbookBuilder.Pipeline.Writers;

/// <summary>The writers this program has, in the order their files are listed.</summary>
public static class BookWriters
{
    /// <summary>Every writer.</summary>
    public static IReadOnlyList<IBookWriter> All { get; } = [new EpubBookWriter(), new PdfBookWriter()];

    /// <summary>The writers of the formats asked for.</summary>
    public static IReadOnlyList<IBookWriter> For(OutputFormats formats) => All.Where(w => w.IsIn(formats)).ToList();
}

/// <summary>EPUB 3: the stylesheet from the styles folder, the cover given or drawn in the book's font.</summary>
internal sealed class EpubBookWriter : IBookWriter
{
    public string Format => "epub";

    public bool IsIn(OutputFormats formats) => formats.HasFlag(OutputFormats.Epub);

    public int Write(WriterContext context, Stream output, CancellationToken cancellationToken)
    {
        var css = File.ReadAllText(Path.Combine(context.Options.StylesDirectory, "epub.css"), Encoding.UTF8);
        // The drawn cover is made here, beside the PDF, not before both writers start.
        var cover = context.Cover ?? CoverArt.Draw(context.Options, context.Book);
        var options = new EpubOptions(css, context.Timestamp, context.Options.ObfuscateFonts, cover) { Diagnostics = context.Diagnostics, Labels = context.Labels };
        EpubWriter.Write(context.Book, context.Images, context.Fonts, options, output, cancellationToken);
        return 0;
    }
}

/// <summary>The typeset PDF: the theme file with the resolved settings over it, the page size resolved.</summary>
internal sealed class PdfBookWriter : IBookWriter
{
    public string Format => "pdf";

    public bool IsIn(OutputFormats formats) => formats.HasFlag(OutputFormats.Pdf);

    public int Write(WriterContext context, Stream output, CancellationToken cancellationToken)
    {
        var theme = PdfTheme.Load(Path.Combine(context.Options.StylesDirectory, "pdf-theme.json")).With(context.Settings.Theme);
        var progress = context.Progress;
        var options = new PdfOptions(theme, context.Timestamp, context.Settings.PageSize)
        {
            Cover = context.Cover,
            Diagnostics = context.Diagnostics,
            Labels = context.Labels,
            Articles = progress is null ? null : new SynchronousProgress<(int Done, int Total)>(p => progress.Report(new BuildProgress("pdf articles", p.Done, p.Total))),
        };
        try
        {
            return PdfWriter.Write(context.Book, context.Images, context.Fonts, options, output, cancellationToken).Pages;
        }
        catch (LayoutException e)
        {
            throw new BuildInputException($"the PDF cannot be laid out: {e.Message}");
        }
    }
}
