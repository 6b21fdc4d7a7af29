using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Pdf;
using EbookBuilder.Pdf.Layout;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline.Writers;

/// <summary>The typeset PDF: the theme as resolved (the theme file with the profile, book.toml and command line over it).</summary>
internal sealed class PdfBookWriter : IBookWriter
{
    public string Format => "pdf";

    public string Extension => "pdf";

    public bool IsIn(OutputFormats formats) => formats.HasFlag(OutputFormats.Pdf);

    public IEnumerable<string> AddedText(Labels labels) => [.. labels.All, WriterCharacters.Common];

    public IReadOnlyDictionary<string, long> Write(WriterContext context, Stream output, CancellationToken cancellationToken)
    {
        var theme = new PdfTheme().With(context.Settings.Theme);
        var progress = context.Progress;
        var options = new PdfOptions(theme, context.Timestamp, context.Settings.PageSize)
        {
            Cover = context.Cover,
            Diagnostics = context.Diagnostics,
            Labels = context.Labels,
            Vertical = context.Settings.Vertical,
            KeepPages = context.RecordedPdfSource is not null,
            BleedMm = context.Settings.BleedMm,
            Columns = context.Settings.Columns,
            TitlesAcross = context.Settings.TitlesAcross,
            PagesKnown = context.PdfPagesSource is { } pages ? map => pages.TrySetResult(map) : null,
            Articles = progress is null ? null : new SynchronousProgress<(int Done, int Total)>(p => progress.Report(new BuildProgress("pdf articles", p.Done, p.Total))),
        };
        try
        {
            var result = PdfWriter.Write(context.Book, context.Images, context.Fonts, options, output, cancellationToken);
            if (result.Recorded is { } recorded && context.RecordedPdfSource?.TrySetResult(recorded) != true) recorded.Dispose();
            return new Dictionary<string, long>
            {
                ["pdfPages"] = result.Pages,
                ["pdfShortPages"] = result.ShortPages,
                ["pdfStrandedHeadings"] = result.StrandedHeadings,
                ["pdfLoneLines"] = result.LoneLines,
                ["pdfLooseLines"] = result.LooseLines,
                ["pdfRaggedLines"] = result.RaggedLines,
            };
        }
        catch (LayoutException e)
        {
            throw new BuildInputException($"the PDF cannot be laid out: {e.Message}");
        }
    }
}
