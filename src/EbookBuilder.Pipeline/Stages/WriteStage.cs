using System.Diagnostics;
using System.Runtime.ExceptionServices;
using EbookBuilder.Model.Document;
using EbookBuilder.Pipeline.Writers;

namespace EbookBuilder.Pipeline.Stages;

/// <summary>
/// Every writer the formats ask for, side by side (they share nothing but read-only inputs), each
/// into its own atomic file named <c>NAME.EXTENSION</c> (the writer's: epub, kepub.epub, pdf); the first to fail stops the others. On
/// cancel, a book one writer finished before it is whole and is kept (<see cref="BuildCancelledException"/>, which names them;
/// a cancel is thrown even when every writer had finished).
/// </summary>
internal static class WriteStage
{
    public static async Task<IReadOnlyList<Written>> RunAsync(WriterContext context, string name, CancellationToken cancellationToken)
    {
        using var writers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chosen = BookWriters.For(context.Settings);
        // The EPUB-family writers mark the PDF's pages (a page-list) when a PDF is built beside them.
        if (chosen.Any(w => w is PdfBookWriter) && chosen.Any(w => w is EpubBookWriter))
            context = context with { PdfPagesSource = new TaskCompletionSource<PageMap?>(TaskCreationOptions.RunContinuationsAsynchronously) };
        // The imposed sheets are played from the PDF's recorded pages.
        if (chosen.Any(w => w is ImposedPdfBookWriter))
            context = context with { RecordedPdfSource = new TaskCompletionSource<Pdf.RecordedPages?>(TaskCreationOptions.RunContinuationsAsynchronously) };
        var jobs = chosen
            .Select(writer => Run(writer, context, Path.Combine(context.Options.OutputDirectory, name + "." + writer.Extension), writers))
            .ToList();
        try
        {
            await Task.WhenAll(jobs).ConfigureAwait(false);
        }
        catch (Exception)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new BuildCancelledException(jobs.Where(j => j.IsCompletedSuccessfully).Select(j => j.Result.Output).ToList(), cancellationToken);
            }
            // The real failure, not the cancellation it caused in the other writer.
            var first = jobs.Where(j => j.IsFaulted).Select(j => j.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException);
            if (first is not null) ExceptionDispatchInfo.Throw(first);
            throw;
        }
        // A cancel that came as the last writer finished is still a cancel: the books are whole, and said so.
        if (cancellationToken.IsCancellationRequested) throw new BuildCancelledException(jobs.Select(j => j.Result.Output).ToList(), cancellationToken);
        return jobs.Select(j => j.Result).ToList();
    }

    /// <summary>One writer on the thread pool, timed; its failure cancels the other writers.</summary>
    private static Task<Written> Run(IBookWriter writer, WriterContext context, string path, CancellationTokenSource writers) =>
        Task.Run(async () =>
        {
            // An EPUB-family writer waits, without holding a thread, for the PDF's page map.
            if (writer is EpubBookWriter && context.PdfPages is { } pages) await pages.ConfigureAwait(false);
            if (writer is ImposedPdfBookWriter && context.RecordedPdf is { } recorded) await recorded.ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            try
            {
                context.Progress?.Report(new BuildProgress(writer.Format, 0, 1));
                IReadOnlyDictionary<string, long> figures = new Dictionary<string, long>();
                var bytes = AtomicFile.Write(path, s => figures = writer.Write(context, s, writers.Token), writers.Token);
                context.Progress?.Report(new BuildProgress(writer.Format, 1, 1));
                var output = new OutputFile(writer.Format, Path.GetFullPath(path), bytes) { Pages = (int)figures.GetValueOrDefault("pdfPages") };
                return new Written(output, clock.ElapsedMilliseconds, figures);
            }
            catch
            {
                writers.Cancel();
                throw;
            }
            finally
            {
                // Never leave the EPUB or the sheets waiting.
                if (writer is PdfBookWriter)
                {
                    context.PdfPagesSource?.TrySetResult(null);
                    context.RecordedPdfSource?.TrySetResult(null);
                }
            }
        });
}
