using System.Diagnostics;
using System.Text;
using EbookBuilder.Assembly;
using EbookBuilder.Fonts;
using EbookBuilder.Pdf;
using EbookBuilder.Images;
using EbookBuilder.Model.Assets;
using EbookBuilder.Ingest;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Pipeline.Writers;

namespace EbookBuilder.Pipeline;

/// <summary>
/// The straight pipe: resolve inputs into chapters, read and clean the articles (in parallel),
/// assemble the book, write each format atomically. Content problems become diagnostics; input
/// that stops the build throws <see cref="BuildInputException"/>.
/// </summary>
public static class BookCompiler
{
    /// <summary>Runs a build.</summary>
    public static async Task<BuildResult> BuildAsync(BuildOptions options, IProgress<BuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var timings = new Dictionary<string, long>();
        var clock = Stopwatch.StartNew();
        var total = Stopwatch.StartNew();

        if (options.Formats.HasFlag(OutputFormats.Pdf) && options.Fonts is null)
        {
            throw new BuildInputException("a PDF needs embedded fonts: drop --no-fonts, or build --format epub");
        }
        // The settings, resolved once: defaults < profile < book.toml < command line.
        var themeFile = Path.Combine(options.StylesDirectory, "pdf-theme.json");
        var settings = ResolveSettings(options, themeFile);
        options = options with
        {
            Images = options.Images with { MaxWidth = settings.ImageMax!.Value.Width, MaxHeight = settings.ImageMax.Value.Height, Grayscale = settings.Grayscale },
        };
        if (options.Formats.HasFlag(OutputFormats.Pdf) && settings.PageSize is { } size)
        {
            try { PdfTheme.PageSizePoints(size); }
            catch (ArgumentException e) { throw new BuildInputException(e.Message); }
        }

        var metadata = new List<string>();
        if (MetadataRules.Language(options.Language) is { } badLanguage) metadata.Add($"language: {badLanguage}");
        metadata.AddRange(options.Authors.Select(MetadataRules.Author).OfType<string>().Distinct().Select(p => $"author: {p}"));
        if (options.Title is { } givenTitle && MetadataRules.Title(givenTitle) is { } badTitle) metadata.Add($"title: {badTitle}");
        if (options.Encoding is { } encodingName && MetadataRules.Encoding(encodingName) is { } badEncoding) metadata.Add($"encoding: {badEncoding}");
        if (metadata.Count > 0) throw new BuildInputException(string.Join('\n', metadata) + " (--language, --author, --title, or [book] in book.toml)");

        OutputFolder.Check(options.OutputDirectory);
        // One folder the book may read from: index links, book file sources and local images stay in it.
        var root = options.BookRoot ?? BookFolder.ForInputs(options.Inputs);
        var chapterSources = options.Chapters is { } specs
            ? InputResolver.Resolve(specs, root, diagnostics)
            : InputResolver.Resolve(options.Inputs, diagnostics);
        if (diagnostics.HasErrors)
        {
            throw new BuildInputException(string.Join('\n', diagnostics.Items.Where(d => d.Severity == Severity.Error)));
        }
        timings["resolve"] = Lap(clock);

        var chapters = ReadChapters(chapterSources, options, diagnostics, progress, cancellationToken);
        timings["read"] = Lap(clock);

        if (chapters.Count == 0)
        {
            var where = options.Chapters is { } given ? "the book file's chapters" + (options.Since is not null || options.Until is not null ? " (in the date range)" : "") : string.Join(", ", options.Inputs);
            throw new BuildInputException($"no articles found in {where}; give folders or files of .md/.html articles, or index files that link to them");
        }
        var book = new Book(Metadata(options, chapters), chapters);
        cancellationToken.ThrowIfCancellationRequested();

        (book, var refused) = ImageLocator.Resolve(book, root);
        // The words the writers add, decided once: both writers draw them and the fonts carry them.
        var labels = Labels.For(book.Metadata.Language);

        // Fonts need only the text: they are subset while the images are fetched. A font that
        // cannot be found stops the images at once (no point downloading for a book that fails).
        using var imagesCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fontsTask = Task.FromResult((Bag: FontBag.Empty, Ms: 0L));
        if (options.Fonts is { } fontOptions)
        {
            progress?.Report(new BuildProgress("fonts", 0, 1));
            fontsTask = Task.Run(() =>
            {
                var started = Stopwatch.StartNew();
                try
                {
                    return (FontStage.Run(book, fontOptions, labels.All, cancellationToken), started.ElapsedMilliseconds);
                }
                catch (FontNotFoundException)
                {
                    imagesCancel.Cancel();
                    throw;
                }
            }, cancellationToken);
        }

        var images = ImageBag.Empty;
        ImageAsset? coverImage;
        try
        {
            if (options.FetchImages)
            {
                var locations = book.Articles.SelectMany(a => Figures.In(a.Blocks)).Select(f => f.Image?.Location).OfType<string>()
                    .Where(l => !refused.Any(r => r.Location == l)).ToList();
                var imageProgress = progress is null ? null : new SynchronousProgress<ImageProgress>(p => progress.Report(new BuildProgress("images", p.Done, p.Total, p.Bytes)));
                images = await ImageStage.RunAsync(locations, options.Images, imageProgress, imagesCancel.Token).ConfigureAwait(false);
            }
            coverImage = await CoverImageAsync(options, diagnostics, imagesCancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (imagesCancel.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            coverImage = null; // stopped by the font stage, whose error is thrown below
        }
        finally
        {
            // Never leave the font stage running behind a failed build.
            await ((Task)fontsTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        FontBag fonts;
        try
        {
            (fonts, var fontsMs) = await fontsTask.ConfigureAwait(false);
            if (options.Fonts is not null) timings["fonts"] = fontsMs; // overlapping the images' time
        }
        catch (FontNotFoundException e)
        {
            throw new BuildInputException(e.Message);
        }
        if (images.Statistics.CacheUnwritable is { } why)
        {
            diagnostics.Warn(DiagnosticCodes.CacheUnwritable,
                $"the image cache in {options.Images.CacheDirectory} cannot be written ({why.TrimEnd('.')}); this build keeps its images in memory and the next one fetches them again. Free some space, or give another folder with --cache-dir");
        }
        else if ((options.FetchImages || options.GenerateCover) && Images.Caching.CacheFolder.Unusable(options.Images.CacheDirectory) is { } foreign)
        {
            diagnostics.Warn(DiagnosticCodes.CacheUnwritable,
                $"the image cache is not used ({foreign}; the cache writes only in a folder it made). Give an empty or new folder with --cache-dir");
        }
        var failures = refused.Concat(images.Failures).ToList();
        ReportImageFailures(book, failures, options.FetchImages, diagnostics);
        timings["images"] = Lap(clock);
        if (options.Strict && failures.Count > 0)
        {
            throw new BuildInputException($"{failures.Count} image(s) could not be put in the book (--strict):\n"
                + string.Join('\n', failures.Take(20).Select(f => $"  {f.Location}: {f.Reason}")));
        }

        if (options.Fonts is not null)
        {
            const int listed = 10;
            if (fonts.Uncovered.Count > listed)
            {
                diagnostics.Warn(DiagnosticCodes.CharacterNotCovered,
                    $"no font has {fonts.Uncovered.Count} of the book's characters (the first {listed} follow; the report's `uncovered` lists them all); add a font that has them with --font");
            }
            foreach (var missing in fonts.Uncovered.Take(listed))
            {
                var where = missing.Articles.Count > 0 ? SourceSpan.InFile(missing.Articles[0]) : (SourceSpan?)null;
                var more = missing.Articles.Count > 1 ? $" (and {missing.Articles.Count - 1} more article(s))" : "";
                diagnostics.Warn(DiagnosticCodes.CharacterNotCovered,
                    $"no font has {missing.Display}{more}; it may show as a box. Add a font that has it with --font", where);
            }
            progress?.Report(new BuildProgress("fonts", 1, 1));
        }

        // The writers share nothing but read-only inputs: they run side by side, each into its own
        // atomic file; the first to fail stops the others.
        var outputs = new List<OutputFile>();
        var name = FileNames.ForBook(options.Name ?? book.Metadata.Title);
        using var writers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var context = new WriterContext(book, images, fonts, settings, labels, Timestamp(options, book), options, diagnostics) { Cover = coverImage, Progress = progress };
        var jobs = new List<Task<(OutputFile Output, long Ms, int Pages)>>();
        foreach (var writer in BookWriters.For(options.Formats))
        {
            var path = Path.Combine(options.OutputDirectory, name + "." + writer.Format);
            jobs.Add(Writer(writers, () =>
            {
                progress?.Report(new BuildProgress(writer.Format, 0, 1));
                var pages = 0;
                var bytes = AtomicFile.Write(path, s => pages = writer.Write(context, s, writers.Token), writers.Token);
                progress?.Report(new BuildProgress(writer.Format, 1, 1));
                return (new OutputFile(writer.Format, Path.GetFullPath(path), bytes), pages);
            }));
        }
        try
        {
            await Task.WhenAll(jobs).ConfigureAwait(false);
        }
        catch (Exception)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // One writer may have finished before the cancel: its book is whole, and is kept.
                throw new BuildCancelledException(jobs.Where(j => j.IsCompletedSuccessfully).Select(j => j.Result.Output).ToList(), cancellationToken);
            }
            // The real failure, not the cancellation it caused in the other writer.
            var first = jobs.Where(j => j.IsFaulted).Select(j => j.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException);
            if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            throw;
        }
        foreach (var (output, ms, pages) in jobs.Select(j => j.Result))
        {
            outputs.Add(output);
            timings[output.Format] = ms;
            if (output.Format == "pdf") timings["pdfPages"] = pages;
        }
        timings["write"] = Lap(clock);
        timings["total"] = total.ElapsedMilliseconds;
        using (var self = Process.GetCurrentProcess()) timings["peakMemoryMB"] = self.PeakWorkingSet64 / (1024 * 1024);
        timings["gcPauseMs"] = (long)GC.GetTotalPauseDuration().TotalMilliseconds;
        timings["gcCount"] = GC.CollectionCount(0);
        return new BuildResult(book, images, failures, fonts, diagnostics.Items, outputs, timings, (int)timings.GetValueOrDefault("pdfPages")) { Settings = settings };
    }

    /// <summary>
    /// The build's settings: the defaults (the theme file's page and type, <see cref="BuildOptions.Images"/>'
    /// image limits and colour), then each layer the options carry, later ones winning.
    /// </summary>
    private static BuildSettings ResolveSettings(BuildOptions options, string themeFile)
    {
        var defaults = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["image-max"] = (options.Images.MaxWidth, options.Images.MaxHeight),
            ["grayscale"] = options.Images.Grayscale,
        };
        // The theme file's every value, under book.toml's names (pageSize -> page-size).
        foreach (var (name, value) in PdfTheme.Load(themeFile).Values())
            defaults[string.Concat(name.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()))] = value;
        return BuildSettings.Resolve([new SettingsLayer(BuildSettings.DefaultsName, defaults), .. options.Settings]);
    }

    private static List<Chapter> ReadChapters(IReadOnlyList<ChapterSource> sources, BuildOptions options, DiagnosticBag diagnostics,
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
        // What a site repeats at the edges of many of its articles is the site's: the whole build is needed to see it.
        read = RepeatedText.Drop(read, options.Clean);
        foreach (var article in read.OfType<Article>())
        {
            foreach (var drop in article.Dropped)
            {
                var text = drop.Text.ReplaceLineEndings(" ");
                diagnostics.Info(DiagnosticCodes.Dropped,
                    $"dropped as {drop.Rule}: \"{(text.Length > 60 ? text[..60] + "…" : text)}\" ([clean] keep-lines brings it back)", drop.Source);
            }
        }
        var articles = new Dictionary<string, Article?>(files.Count, StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++) articles[files[i]] = read[i];

        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var seenUrls = new Dictionary<string, string>(StringComparer.Ordinal);
        var seenBodies = new Dictionary<string, string>(StringComparer.Ordinal);
        var chapters = new List<Chapter>();
        var undated = new List<string>();
        foreach (var source in sources)
        {
            var list = new List<Article>();
            var since = Later(options.Since, source.Since);
            var until = Earlier(options.Until, source.Until);
            foreach (var file in source.Files)
            {
                if (articles[file] is not { } article || !seenFiles.Add(file)) continue;
                if (since is not null || until is not null)
                {
                    if (article.Date is not { } date)
                    {
                        undated.Add(article.Source.File);
                        diagnostics.Info(DiagnosticCodes.Undated, options.DropUndated
                            ? "the article has no date; left out, as a date range is given and undated articles are dropped"
                            : "the article has no date; kept although a date range is given", article.Source);
                        if (options.DropUndated) continue;
                    }
                    else if (date < since || date > until)
                    {
                        continue;
                    }
                }
                // The same article twice: by its original URL, or by the same title and body text.
                var sameText = article.Title + "\n" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
                    Encoding.UTF8.GetBytes(EbookBuilder.Model.Text.PlainText.Of(article.Blocks))));
                var firstBy = article.SourceUrl is { } url && seenUrls.TryGetValue(url, out var byUrl) ? byUrl
                    : seenBodies.GetValueOrDefault(sameText);
                if (firstBy is not null)
                {
                    diagnostics.Info(DiagnosticCodes.DuplicateArticle,
                        $"same article as {firstBy}; kept there only", article.Source);
                    continue;
                }
                var where = $"{article.Source.File} in chapter '{source.Title}'";
                if (article.SourceUrl is { } u) seenUrls[u] = where;
                seenBodies[sameText] = where;
                list.Add(article);
            }
            list = Arrange(list, source);
            if (list.Count == 0)
            {
                diagnostics.Warn(DiagnosticCodes.EmptyChapter, $"chapter '{source.Title}' has no articles and is left out", source.Origin);
                continue;
            }
            chapters.Add(new Chapter(source.Title, list, source.Origin));
        }
        if (undated.Count > 0)
        {
            // A weekly digest must not fill silently with last year's news: say how many, and which.
            const int listed = 5;
            var listedFiles = string.Join(", ", undated.Take(listed).Select(Path.GetFileName));
            var more = undated.Count > listed ? $" and {undated.Count - listed} more (--verbose or the report lists them)" : "";
            diagnostics.Warn(DiagnosticCodes.Undated, options.DropUndated
                ? $"{undated.Count} article(s) have no date and were left out of the date range: {listedFiles}{more}; set [output] undated = \"keep\" (or --undated keep) to keep them"
                : $"{undated.Count} article(s) have no date and were kept although a date range is given: {listedFiles}{more}; set [output] undated = \"drop\" (or --undated drop) to leave them out", null);
        }
        return chapters;
    }

    /// <summary>A chapter's articles in the order it asks for, cut to its newest N.</summary>
    private static List<Article> Arrange(List<Article> articles, ChapterSource source)
    {
        if (source.Limit is { } limit && articles.Count > limit)
        {
            // Newest first (undated last), stable for equal dates; then back into the source order.
            var keep = articles.Select((a, i) => (a, i)).OrderByDescending(x => x.a.Date ?? DateOnly.MinValue).Take(limit).Select(x => x.i).ToHashSet();
            articles = articles.Where((_, i) => keep.Contains(i)).ToList();
        }
        return source.Order switch
        {
            ChapterOrder.Date => [.. articles.OrderBy(a => a.Date is null).ThenBy(a => a.Date)],
            ChapterOrder.DateDesc => [.. articles.OrderBy(a => a.Date is null).ThenByDescending(a => a.Date)],
            ChapterOrder.Name => [.. articles.OrderBy(a => Path.GetFileName(a.Source.File), NaturalComparer.Instance)],
            ChapterOrder.Title => [.. articles.OrderBy(a => a.Title, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), false))],
            _ => articles,
        };
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>The cover image the book names (a file or a URL), fetched and converted like any image; null when none is named or it fails (a warning).</summary>
    private static async Task<ImageAsset?> CoverImageAsync(BuildOptions options, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        if (options.CoverImage is not { } location) return null;
        var bag = await ImageStage.RunAsync([location], options.Images with { Grayscale = false }, null, cancellationToken).ConfigureAwait(false);
        if (bag.Find(location) is not { } asset || asset.MediaType is not ("image/jpeg" or "image/png"))
        {
            var reason = bag.Failures.FirstOrDefault()?.Reason ?? "not a JPEG or PNG image";
            diagnostics.Warn(DiagnosticCodes.ImageFailed, $"the cover image {location} cannot be used ({reason}); a cover is drawn instead", null);
            return null;
        }
        var extension = asset.MediaType == "image/png" ? "png" : "jpg";
        return new ImageAsset("cover." + extension, asset.ReadBytes(), asset.MediaType, asset.Width, asset.Height);
    }

    /// <summary>One warning per figure whose image is not in the book, at the figure's file and line.</summary>
    private static void ReportImageFailures(Book book, IReadOnlyList<ImageFailure> failures, bool fetched, DiagnosticBag diagnostics)
    {
        var reasons = failures.GroupBy(f => f.Location, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal);
        foreach (var article in book.Articles)
        {
            var figures = Figures.In(article.Blocks).Where(f => f.Image is not null).ToList();
            if (!fetched)
            {
                if (figures.Count > 0)
                    diagnostics.Info(DiagnosticCodes.ImageNotEmbedded, $"{figures.Count} image(s) left out (--no-images); captions kept", article.Source);
                continue;
            }
            foreach (var figure in figures)
            {
                if (reasons.TryGetValue(figure.Image!.Location, out var reason))
                    diagnostics.Warn(DiagnosticCodes.ImageFailed, $"image {figure.Image.Location} left out: {reason}", figure.Source);
            }
        }
    }

    /// <summary>A drawn cover, when asked for and a font to draw it with is at hand.</summary>
    private static BookMetadata Metadata(BuildOptions options, IReadOnlyList<Chapter> chapters)
    {
        var chinese = options.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var title = options.Title
            ?? (chapters.Count == 1 ? chapters[0].Title : chinese ? "新闻合集" : "Collected Articles");
        return new BookMetadata(title, options.Authors, options.Language, options.Publisher, options.Description, options.Identifier,
            options.Subtitle, options.Date);
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

    /// <summary>Runs one writer on the thread pool, timing it; its failure cancels the other writers.</summary>
    private static Task<(OutputFile Output, long Ms, int Pages)> Writer(CancellationTokenSource writers, Func<(OutputFile Output, int Pages)> write) =>
        Task.Run(() =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var (output, pages) = write();
                return (output, clock.ElapsedMilliseconds, pages);
            }
            catch
            {
                writers.Cancel();
                throw;
            }
        });

    private static long Lap(Stopwatch clock)
    {
        var ms = clock.ElapsedMilliseconds;
        clock.Restart();
        return ms;
    }
}
