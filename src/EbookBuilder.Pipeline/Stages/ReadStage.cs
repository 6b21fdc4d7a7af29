using EbookBuilder.Assembly;
using EbookBuilder.Ingest;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline.Stages;

/// <summary>
/// Reads and cleans every article file of the chapters, in parallel, then drops what a site
/// repeats at the edges of many of its articles (only the whole build shows it). Each drop is a
/// note at its file. An article that cannot be read is null (its reader warned).
/// </summary>
internal static class ReadStage
{
    public static IReadOnlyDictionary<string, Article?> Run(IReadOnlyList<ChapterSource> sources, BuildOptions options, DiagnosticBag diagnostics,
        IProgress<BuildProgress>? progress, CancellationToken cancellationToken)
    {
        var files = sources.SelectMany(s => s.Files).Distinct(StringComparer.Ordinal).ToList();
        var encoding = options.Encoding is { } name ? ArticleReader.EncodingNamed(name) : null;
        var done = 0;
        var read = new Article?[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            read[i] = ArticleReader.Read(files[i], diagnostics, options.Clean, encoding);
            progress?.Report(new BuildProgress("read", Interlocked.Increment(ref done), files.Count));
        });
        read = RepeatedText.Drop(read, options.Clean);
        foreach (var article in read.OfType<Article>()) NoteDrops(article, diagnostics);
        var articles = new Dictionary<string, Article?>(files.Count, StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++) articles[files[i]] = read[i];
        return articles;
    }

    private static void NoteDrops(Article article, DiagnosticBag diagnostics)
    {
        foreach (var drop in article.Dropped)
        {
            var text = drop.Text.ReplaceLineEndings(" ");
            diagnostics.Info(DiagnosticCodes.Dropped,
                $"dropped as {drop.Rule}: \"{(text.Length > 60 ? text[..60] + "…" : text)}\" ([clean] keep-lines brings it back)", drop.Source);
        }
    }
}
