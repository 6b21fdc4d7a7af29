using System.Diagnostics;
using System.Text;
using EbookBuilder.Assembly;
using EbookBuilder.Epub;
using EbookBuilder.Ingest;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline;

/// <summary>
/// The straight pipe: resolve inputs into chapters, read and clean the articles (in parallel),
/// assemble the book, write each format atomically. Content problems become diagnostics; input
/// that stops the build throws <see cref="BuildInputException"/>.
/// </summary>
public static class BookCompiler
{
    /// <summary>Runs a build.</summary>
    public static BuildResult Build(BuildOptions options, IProgress<BuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var timings = new Dictionary<string, long>();
        var clock = Stopwatch.StartNew();
        var total = Stopwatch.StartNew();

        if (options.Formats.HasFlag(OutputFormats.Pdf))
        {
            throw new BuildInputException("PDF output is not built yet; use --format epub");
        }

        var chapterSources = InputResolver.Resolve(options.Inputs, diagnostics);
        if (diagnostics.HasErrors)
        {
            throw new BuildInputException(string.Join('\n', diagnostics.Items.Where(d => d.Severity == Severity.Error)));
        }
        timings["resolve"] = Lap(clock);

        var chapters = ReadChapters(chapterSources, diagnostics, progress, cancellationToken);
        timings["read"] = Lap(clock);

        if (chapters.Count == 0)
        {
            var where = string.Join(", ", options.Inputs);
            throw new BuildInputException($"no articles found in {where}; give folders or files of .md/.html articles, or index files that link to them");
        }
        var book = new Book(Metadata(options, chapters), chapters);
        ReportImagesNotEmbedded(book, diagnostics);

        var outputs = new List<OutputFile>();
        var name = FileNames.ForBook(options.Name ?? book.Metadata.Title);
        if (options.Formats.HasFlag(OutputFormats.Epub))
        {
            var css = File.ReadAllText(Path.Combine(options.StylesDirectory, "epub.css"), Encoding.UTF8);
            var epubOptions = new EpubOptions(css, Timestamp(options, book));
            var path = Path.Combine(options.OutputDirectory, name + ".epub");
            progress?.Report(new BuildProgress("epub", 0, 1));
            var bytes = AtomicFile.Write(path, s => EpubWriter.Write(book, epubOptions, s, cancellationToken), cancellationToken);
            progress?.Report(new BuildProgress("epub", 1, 1));
            outputs.Add(new OutputFile("epub", Path.GetFullPath(path), bytes));
            timings["epub"] = Lap(clock);
        }
        timings["total"] = total.ElapsedMilliseconds;
        return new BuildResult(book, diagnostics.Items, outputs, timings);
    }

    private static List<Chapter> ReadChapters(IReadOnlyList<ChapterSource> sources, DiagnosticBag diagnostics,
        IProgress<BuildProgress>? progress, CancellationToken cancellationToken)
    {
        var files = sources.SelectMany(s => s.Files).Distinct(StringComparer.Ordinal).ToList();
        var done = 0;
        var articles = files
            .AsParallel().AsOrdered().WithCancellation(cancellationToken)
            .Select(file =>
            {
                var article = ArticleReader.Read(file, diagnostics);
                progress?.Report(new BuildProgress("read", Interlocked.Increment(ref done), files.Count));
                return (file, article);
            })
            .ToDictionary(x => x.file, x => x.article, StringComparer.Ordinal);

        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var seenUrls = new Dictionary<string, string>(StringComparer.Ordinal);
        var chapters = new List<Chapter>();
        foreach (var source in sources)
        {
            var list = new List<Article>();
            foreach (var file in source.Files)
            {
                if (articles[file] is not { } article || !seenFiles.Add(file)) continue;
                if (article.SourceUrl is { } url && !seenUrls.TryAdd(url, source.Title))
                {
                    diagnostics.Info(DiagnosticCodes.DuplicateArticle,
                        $"same article as one in chapter '{seenUrls[url]}' ({url}); kept there only", article.Source);
                    continue;
                }
                list.Add(article);
            }
            if (list.Count == 0)
            {
                diagnostics.Warn(DiagnosticCodes.EmptyChapter, $"chapter '{source.Title}' has no articles and is left out", source.Origin);
                continue;
            }
            chapters.Add(new Chapter(source.Title, list, source.Origin));
        }
        return chapters;
    }

    /// <summary>EPUB forbids remote images, so until the images stage fetches them they are left out, once per article.</summary>
    private static void ReportImagesNotEmbedded(Book book, DiagnosticBag diagnostics)
    {
        foreach (var article in book.Articles)
        {
            var count = article.Blocks.OfType<Figure>().Count(f => f.Image is not null);
            if (count == 0) continue;
            diagnostics.Warn(DiagnosticCodes.ImageNotEmbedded,
                $"{count} image(s) left out: image download is not built yet; their captions are kept", article.Source);
        }
    }

    private static BookMetadata Metadata(BuildOptions options, IReadOnlyList<Chapter> chapters)
    {
        var chinese = options.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var title = options.Title
            ?? (chapters.Count == 1 ? chapters[0].Title : chinese ? "新闻合集" : "Collected Articles");
        return new BookMetadata(title, options.Authors, options.Language);
    }

    /// <summary>The time recorded in the book: given, else the newest article date, else the newest input file.</summary>
    private static DateTimeOffset Timestamp(BuildOptions options, Book book)
    {
        if (options.Timestamp is { } given) return given;
        if (book.Articles.Select(a => a.Date).Max() is { } newest)
            return new DateTimeOffset(newest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var latest = book.Articles.Select(a => File.GetLastWriteTimeUtc(a.Source.File)).DefaultIfEmpty(DateTime.UnixEpoch).Max();
        return new DateTimeOffset(DateTime.SpecifyKind(latest, DateTimeKind.Utc)).AddTicks(-(latest.Ticks % TimeSpan.TicksPerSecond));
    }

    private static long Lap(Stopwatch clock)
    {
        var ms = clock.ElapsedMilliseconds;
        clock.Restart();
        return ms;
    }
}
