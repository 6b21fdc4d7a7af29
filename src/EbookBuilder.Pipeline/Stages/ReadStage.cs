using EbookBuilder.Assembly;
using EbookBuilder.Ingest;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline.Stages;

/// <summary>
/// Reads and cleans every article file of the chapters, in parallel, then drops what a site
/// repeats at the edges of many of its articles (only the whole build shows it). Each drop is a
/// note at its file. An article that cannot be read is null (its reader warned). When each
/// chapter is a book of its own (chaptersApart), what is repeated is found
/// chapter by chapter, as a build of that book alone (<c>--book</c>) finds it.
/// </summary>
internal static class ReadStage
{
    public static IReadOnlyDictionary<string, Article?> Run(IReadOnlyList<ChapterSource> sources, BuildOptions options, DiagnosticBag diagnostics,
        IProgress<BuildProgress>? progress, CancellationToken cancellationToken, bool chaptersApart = false)
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
        var articles = new Dictionary<string, Article?>(files.Count, StringComparer.Ordinal);
        if (!chaptersApart)
        {
            read = RepeatedText.Drop(read, options.Clean);
            for (var i = 0; i < files.Count; i++) articles[files[i]] = read[i];
        }
        else
        {
            var byFile = files.Select((file, i) => (file, i)).ToDictionary(f => f.file, f => read[f.i], StringComparer.Ordinal);
            // A file two chapters share is taken as the last of them found it.
            foreach (var source in sources)
            {
                var chapterFiles = source.Files.Distinct(StringComparer.Ordinal).ToList();
                var cleaned = RepeatedText.Drop(chapterFiles.Select(f => byFile[f]).ToList(), options.Clean);
                for (var i = 0; i < chapterFiles.Count; i++) articles[chapterFiles[i]] = cleaned[i];
            }
        }
        foreach (var article in articles.Values.OfType<Article>()) NoteDrops(article, diagnostics);
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
