using System.Diagnostics;
using EbookBuilder.Assembly;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Model.Text;
using EbookBuilder.Pipeline.Stages;
using EbookBuilder.Pipeline.Writers;

namespace EbookBuilder.Pipeline;

/// <summary>
/// The straight pipe, as a list of stages: resolve (settings, inputs), read (articles, in
/// parallel), assemble (chapters), images ‖ fonts, write (each format atomically, side by side).
/// Content problems become diagnostics; input that stops the build throws <see cref="BuildInputException"/>.
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

        var resolved = ResolveStage.Run(options, diagnostics);
        options = resolved.Options;
        // One book per chapter: each chapter's book is named and numbered from the chapters asked
        // for, as --list-books names them, whichever are built (--book) or come out empty.
        var chapterBooks = resolved.Settings.SplitByChapter ? ChapterBooks(resolved) : null;
        if (options.OnlyBook is { } only)
        {
            var index = Choose(chapterBooks, only);
            resolved = resolved with { Sources = [resolved.Sources[index]] };
        }
        timings["resolve"] = Lap(clock);

        var articles = ReadStage.Run(resolved.Sources, options, diagnostics, progress, cancellationToken, chaptersApart: resolved.Settings.SplitByChapter);
        var chapters = ChapterAssembler.Assemble(resolved.Sources, articles, new DateRange(options.Since, options.Until, options.DropUndated), diagnostics,
            chaptersApart: resolved.Settings.SplitByChapter);
        timings["read"] = Lap(clock);
        if (chapters.Count == 0) throw NoArticles(options);
        var book = new Book(Metadata(options, chapters), chapters);
        cancellationToken.ThrowIfCancellationRequested();
        book = ScriptStage.Run(book, resolved.Settings, diagnostics, cancellationToken);
        timings["script"] = Lap(clock);

        (book, var refused) = ImageLocator.Resolve(book, resolved.Root);
        // The words the writers add, decided once: both writers draw them and the fonts carry them.
        var labels = Labels.For(book.Metadata.Language);
        var assets = await AssetStage.RunAsync(book, refused, options, labels, diagnostics, progress, cancellationToken).ConfigureAwait(false);
        if (options.Fonts is not null) timings["fonts"] = assets.FontsMs; // overlapping the images' time
        timings["images"] = Lap(clock);
        if (options.Strict && assets.Failures.Count > 0)
        {
            throw new BuildInputException($"{assets.Failures.Count} image(s) could not be put in the book (--strict):\n"
                + string.Join('\n', assets.Failures.Take(20).Select(f => $"  {f.Location}: {f.Reason}")));
        }

        var context = new WriterContext(book, assets.Images, assets.Fonts, resolved.Settings, labels, Timestamp(options, book), options, diagnostics)
        {
            Cover = assets.Cover,
            Progress = progress,
        };
        // Volumes (--split) are written one after the other, each a whole book with its own font
        // subset, made while the book before it is written. Cut by size, they are planned with the
        // whole book's fonts, which their own subsets never exceed.
        var name = options.Name ?? book.Metadata.Title;
        var byChapter = resolved.Settings.SplitByChapter;
        var volumes = byChapter ? Volumes.ByChapter(book, options.Title, chapterBooks!)
            : resolved.Settings.SplitBytes is { } most ? Named(Volumes.Plan(book, assets.Images, assets.Fonts, assets.Cover, most), name, book.Metadata.Language)
            : [(book, FileNames.ForBook(name))];
        var written = new List<Written>();
        var ownFonts = byChapter || volumes.Count > 1;
        Task<FontBag>? nextFonts = ownFonts ? Task.Run(() => AssetStage.FontsFor(volumes[0].Book, options, labels, cancellationToken), cancellationToken) : null;
        long fontsMs = 0;
        for (var v = 0; v < volumes.Count; v++)
        {
            var fonts = assets.Fonts;
            if (nextFonts is not null)
            {
                var waited = Stopwatch.StartNew();
                fonts = await nextFonts.ConfigureAwait(false);
                fontsMs += waited.ElapsedMilliseconds;
                var following = v + 1 < volumes.Count ? volumes[v + 1].Book : null;
                nextFonts = following is null ? null : Task.Run(() => AssetStage.FontsFor(following, options, labels, cancellationToken), cancellationToken);
            }
            try
            {
                written.AddRange(await WriteStage.RunAsync(context with { Book = volumes[v].Book, Fonts = fonts }, volumes[v].Name, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e)
            {
                if (nextFonts is not null) await ((Task)nextFonts).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // never left running behind a failure
                // The books written before this one are whole and kept: say so.
                if (e is BuildCancelledException cancelled && written.Count > 0)
                    throw new BuildCancelledException([.. written.Select(w => w.Output), .. cancelled.Written], cancellationToken);
                throw;
            }
        }
        if (ownFonts) timings["bookFontsWait"] = fontsMs;
        foreach (var (output, ms, figures) in written)
        {
            timings[output.Format] = timings.GetValueOrDefault(output.Format) + ms;
            foreach (var (figure, value) in figures) timings[figure] = timings.GetValueOrDefault(figure) + value;
        }
        WarnOverMailLimit(written.Select(w => w.Output), resolved.Settings.SplitBytes is not null, diagnostics);
        timings["write"] = Lap(clock);
        Measure(timings, total);
        return new BuildResult(book, assets.Images, assets.Failures, assets.Fonts, diagnostics.Items, written.Select(w => w.Output).ToList(), timings,
            (int)timings.GetValueOrDefault("pdfPages")) { Settings = resolved.Settings };
    }

    /// <summary>
    /// The books a build would make, from its settings and inputs alone (no article is read): one,
    /// or one per chapter with <c>--split chapter</c>. A newsroom's scheduler makes a job of each
    /// (<c>ebook build … --book NAME</c>).
    /// </summary>
    public static IReadOnlyList<PlannedBook> Plan(BuildOptions options)
    {
        var resolved = ResolveStage.Run(options, new DiagnosticBag(), writes: false);
        options = resolved.Options;
        var settings = resolved.Settings;
        var writers = BookWriters.For(settings);
        IReadOnlyList<string> Outputs(string name) => writers.Select(w => Path.GetFullPath(Path.Combine(options.OutputDirectory, name + "." + w.Extension))).ToList();
        if (settings.SplitByChapter)
        {
            var books = ChapterBooks(resolved);
            var chosen = options.OnlyBook is { } only ? Choose(books, only) : -1;
            return resolved.Sources.Select((source, i) => (Source: source, Index: i))
                .Where(s => chosen < 0 || s.Index == chosen)
                .Select(s => new PlannedBook(books[s.Source.Origin].Name, Volumes.ChapterBookTitle(options.Title, s.Source.Title), [s.Source.Title], s.Source.Files.Count,
                    Outputs(books[s.Source.Origin].Name))).ToList();
        }
        if (options.OnlyBook is not null) throw OnlyWithChapters();
        var title = BookTitle(options, resolved.Sources.Select(s => s.Title).ToList());
        var name = FileNames.ForBook(options.Name ?? title);
        return [new PlannedBook(name, title, resolved.Sources.Select(s => s.Title).ToList(), resolved.Sources.Sum(s => s.Files.Count), Outputs(name))
            { VolumesBySize = settings.SplitBytes is not null }];
    }

    /// <summary>The books of <see cref="Plan"/> as JSON, for <c>--list-books</c>.</summary>
    public static string ListBooks(BuildOptions options) => PlannedBookJson.Write(Plan(options));

    /// <summary>Each chapter's book, by where the chapter was asked for: its file name and its number among the chapters.</summary>
    private static Dictionary<SourceSpan, (string Name, int Number)> ChapterBooks(Resolved resolved)
    {
        var names = Volumes.Names(resolved.Sources.Select(s => s.Title).ToList(), resolved.Options.Name);
        return resolved.Sources.Select((source, i) => (source.Origin, Book: (names[i], i + 1))).ToDictionary(s => s.Origin, s => s.Book);
    }

    /// <summary>The index of the chapter whose book <paramref name="only"/> names (<c>--book</c>), among <paramref name="books"/>.</summary>
    private static int Choose(IReadOnlyDictionary<SourceSpan, (string Name, int Number)>? books, string only)
    {
        if (books is null) throw OnlyWithChapters();
        foreach (var (name, number) in books.Values)
            if (string.Equals(name, only, StringComparison.Ordinal)) return number - 1;
        var names = books.Values.Select(b => b.Name).ToList();
        throw new BuildInputException($"--book '{only}' is none of the {names.Count} books this build makes{EditDistance.DidYouMean(only, names)}; `ebook build … --list-books` lists them");
    }

    private static BuildInputException OnlyWithChapters() =>
        new("--book picks one of the books --split chapter makes (one per chapter); give --split chapter too, or leave out --book");

    /// <summary>Volumes cut by size, named NAME 上/下 or NAME (2/5).</summary>
    private static IReadOnlyList<(Book Book, string Name)> Named(IReadOnlyList<Book> volumes, string name, string language) =>
        volumes.Select((v, i) => (v, FileNames.ForBook(volumes.Count == 1 ? name : name + Volumes.Mark(i, volumes.Count, language).Replace('/', '-')))).ToList();

    /// <summary>What Send to Kindle (and most mail) takes: 50 MB.</summary>
    internal const long MailLimit = 50L * 1000 * 1000;

    /// <summary>Send to Kindle (and most mail) refuses files over 50 MB: an EPUB that big is told how to split.</summary>
    internal static void WarnOverMailLimit(IEnumerable<OutputFile> outputs, bool split, DiagnosticBag diagnostics)
    {
        foreach (var output in outputs.Where(o => o.Format is "epub" or "kepub" && o.Bytes > MailLimit))
        {
            diagnostics.Warn(DiagnosticCodes.OverMailLimit, !split
                ? $"{output.Path} is {output.Bytes / 1e6:0.0} MB, over the 50 MB Send to Kindle takes by mail: --split size:45MB cuts the book into volumes"
                : $"{output.Path} is {output.Bytes / 1e6:0.0} MB though split (volumes are cut by an estimate, and one article is never cut): give a smaller size");
        }
    }

    private static BuildInputException NoArticles(BuildOptions options)
    {
        var where = options.Chapters is not null
            ? "the book file's chapters" + (options.Since is not null || options.Until is not null ? " (in the date range)" : "")
            : string.Join(", ", options.Inputs);
        return new BuildInputException($"no articles found in {where}; give folders or files of .md/.html articles, or index files that link to them");
    }

    /// <summary>The whole build's time, peak memory and garbage collection, for the report and the benchmark.</summary>
    private static void Measure(Dictionary<string, long> timings, Stopwatch total)
    {
        timings["total"] = total.ElapsedMilliseconds;
        using (var self = Process.GetCurrentProcess()) timings["peakMemoryMB"] = self.PeakWorkingSet64 / (1024 * 1024);
        timings["gcPauseMs"] = (long)GC.GetTotalPauseDuration().TotalMilliseconds;
        timings["gcCount"] = GC.CollectionCount(0);
    }

    /// <summary>The book's metadata: the options', the title given, else the one chapter's, else a general one in the book's language.</summary>
    private static BookMetadata Metadata(BuildOptions options, IReadOnlyList<Chapter> chapters)
    {
        var title = BookTitle(options, chapters.Select(c => c.Title).ToList());
        return new BookMetadata(title, options.Authors, options.Language, options.Publisher, options.Description, options.Identifier,
            options.Subtitle, options.Date, options.Series, options.SeriesIndex);
    }

    /// <summary>The book's title: given, else its one chapter's, else a general one in the book's language.</summary>
    private static string BookTitle(BuildOptions options, IReadOnlyList<string> chapters) =>
        options.Title ?? (chapters.Count == 1 ? chapters[0] : options.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "新闻合集" : "Collected Articles");

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
