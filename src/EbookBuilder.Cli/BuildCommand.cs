using System.CommandLine;
using System.Globalization;
using EbookBuilder.Fonts;
using EbookBuilder.Images;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Pipeline;
using EbookBuilder.Pipeline.Config;
using EbookBuilder.Model.Text;

namespace EbookBuilder.Cli;

/// <summary><c>ebook build INPUT...</c>: the main job.</summary>
internal static class BuildCommand
{
    private const int MaxListedDiagnostics = 40;

    private static readonly Argument<string[]> Inputs = new("inputs")
    {
        Description = "Article files, folders of articles, index files (Markdown link lists), or a book.toml (or a folder holding one); none: the book.toml of the current folder",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string> Output = new("--output", "-o")
    {
        Description = "Folder to write the books to, or the file to write when there is one format (book.epub, book.kepub.epub, book.azw3, book.pdf)",
        DefaultValueFactory = _ => "dist",
    };

    private static readonly Option<string?> Name = new("--name") { Description = "Output file name without extension (default: the title)" };

    private static readonly Option<string> Format = new("--format", "-f")
    {
        Description = "Formats to write: epub, pdf, kepub (Kobo's EPUB), azw3 (Kindle), a comma list (epub,azw3) or all (epub and pdf)",
        DefaultValueFactory = _ => "epub",
    };

    private static readonly Option<string?> Title = new("--title") { Description = "Book title" };

    private static readonly Option<string?> Split = new("--split") { Description = "Write several books: chapter (one book per chapter, named after it) or size:45MB (volumes of at most a size, cut between articles; Send to Kindle takes 50 MB)" };

    private static readonly Option<string[]> Author = new("--author")
    {
        Description = "Book author (repeat for several)",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string?> Series = new("--series") { Description = "The series the book is an issue of (a weekly digest's name)" };

    private static readonly Option<double?> Issue = new("--issue", "--series-index") { Description = "The book's number in its series" };

    private static readonly Option<string?> Publisher = new("--publisher") { Description = "Book publisher" };

    private static readonly Option<string?> Description = new("--description") { Description = "Book description (the EPUB's dc:description)" };

    private static readonly Option<string?> Cover = new("--cover") { Description = "Cover image, a file or an http(s) URL, instead of the drawn cover" };

    private static readonly Option<string> Language = new("--language")
    {
        Description = "Book language (BCP 47)",
        DefaultValueFactory = _ => "zh-CN",
    };

    private static readonly Option<string?> Script = new("--script")
    {
        Description = "Convert the book's Chinese (OpenCC, phrase by phrase): simplified, traditional, taiwan (Taiwan's words too) or hongkong; the language follows",
    };

    private static readonly Option<string?> Quotes = new("--quotes") { Description = "Quotation marks: corner (「」『』), curly (“”‘’) or keep (default)" };

    private static readonly Option<bool> Vertical = new("--vertical") { Description = "Set the book vertically: columns from right to left, pages turned to the left (EPUB, KEPUB, AZW3)" };

    private static readonly Option<bool> ListBooks = new("--list-books")
    {
        Description = "Print the books this build would make as JSON (name, title, chapters, files) and build nothing: one job each, with --book NAME",
    };

    private static readonly Option<string?> OnlyBook = new("--book") { Description = "With --split chapter: build only the book of this name (as --list-books names it)" };

    private static readonly Option<string?> Report = new("--report") { Description = "Write a JSON report of the build to this file" };

    private static readonly Option<int> ImageConcurrency = new("--image-concurrency")
    {
        Description = "Image downloads at once (at most 4 per host)",
        DefaultValueFactory = _ => 8,
    };

    private static readonly Option<string?> ImageMax = new("--image-max") { Description = "Largest image size kept, WIDTHxHEIGHT in pixels (default 1600x1600)" };

    private static readonly Option<bool> Grayscale = new("--grayscale") { Description = "Convert images to grayscale (e-ink screens)" };

    private static readonly Option<string?> CacheDir = new("--cache-dir") { Description = "Image cache folder (default $XDG_CACHE_HOME/ebookbuilder)" };

    private static readonly Option<bool> Offline = new("--offline") { Description = "Make no requests: build with the images in the cache only" };

    private static readonly Option<bool> NoImages = new("--no-images") { Description = "Do not fetch images; figures keep their captions" };

    private static readonly Option<string?> Font = new("--font") { Description = "Body font: a font file (file.ttc#N for a face) or an installed family name (default: the bundled LXGW WenKai)" };

    private static readonly Option<bool> NoFonts = new("--no-fonts") { Description = "Embed no fonts; readers use their own" };

    private static readonly Option<bool> ObfuscateFonts = new("--obfuscate-fonts") { Description = "Obfuscate the embedded fonts (IDPF algorithm) in the EPUB" };

    private static readonly Option<string?> PageSize = new("--page-size") { Description = "PDF page size: A3, A4, A5, A6, B4, B5, B6, Letter, half-letter, ereader (90x120mm) or WxHmm (default from styles/pdf-theme.json: A5)" };

    private static readonly Option<string?> Imposition = new("--imposition")
    {
        Description = "Also put the PDF's pages on sheets: booklet (NAME.booklet.pdf: print both sides, fold; A5 pages on A4) or 2up (NAME.2up.pdf: spreads for a screen)",
    };

    private static readonly Option<int?> Signature = new("--signature") { Description = "With --imposition booklet: fold the sheets in signatures of N sheets (a thick book)" };

    private static readonly Option<int?> Columns = new("--columns") { Description = "Set the PDF's pages in 1 or 2 columns (a digest on A4 or B5); columns are balanced at each chapter's end" };

    private static readonly Option<string?> ColumnTitles = new("--column-titles") { Description = "In columns: article titles across both columns (across, the default) or in their column (column)" };

    private static readonly Option<string?> Bleed = new("--bleed") { Description = "For a print shop: each PDF page on a larger sheet with crop marks, printing allowed this far past the cut (3mm), with trim and bleed boxes" };

    private static readonly Option<string?> Profile = new("--profile")
    {
        Description = "Device profile: kindle, kobo, koreader, phone, print-a4, print-a5 or print-a4-2col (PDF page, margins, font size; image size and colour)",
    };

    private static readonly Option<string?> Since = new("--since") { Description = "Keep articles dated on or after this day (YYYY-MM-DD)" };

    private static readonly Option<string?> Until = new("--until") { Description = "Keep articles dated on or before this day (YYYY-MM-DD)" };

    private static readonly Option<string?> Encoding = new("--encoding")
    {
        Description = "The encoding of the articles when their bytes cannot tell it: big5, gb18030, shift_jis… (default: UTF-8, else detected)",
    };

    private static readonly Option<string?> Undated = new("--undated")
    {
        Description = "With --since/--until: keep (default) or drop the articles that have no date",
    };

    private static readonly Option<bool> NoCover = new("--no-cover") { Description = "Do not draw a cover for the EPUB" };

    private static readonly Option<bool> Strict = new("--strict") { Description = "Any image that cannot be put in the book stops the build (exit 1)" };

    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Print nothing but errors" };

    private static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Also print informational notes" };

    public static Command Create()
    {
        Undated.AcceptOnlyFromAmong("keep", "drop");
        var command = new Command("build", "Build a book from articles")
        {
            Inputs, Output, Name, Format, Split, Title, Author, Series, Issue, Publisher, Description, Cover, Language, Script, Quotes, Vertical, ListBooks, OnlyBook, Report,
            ImageConcurrency, ImageMax, Grayscale, CacheDir, Offline, NoImages, Font, NoFonts, ObfuscateFonts, PageSize, Imposition, Signature, Bleed, Columns, ColumnTitles, Profile, Since, Until, Undated, Encoding, NoCover, Strict, Quiet, Verbose,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken interrupted)
    {
        // Ctrl+C and SIGTERM come through the command line's token; a closed terminal (SIGHUP)
        // stops the build the same way, so that it ends cleanly and leaves no temporary file.
        using var hangup = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupted, hangup.Token);
        using var sighup = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            hangup.Cancel();
        });
        var cancellationToken = stop.Token;
        var quiet = parse.GetValue(Quiet);
        var verbose = parse.GetValue(Verbose);
        var stderr = parse.InvocationConfiguration.Error;
        var stdout = parse.InvocationConfiguration.Output;
        BuildOptions options;
        // The report is written however the build ends (a failed build's says why); until the
        // book file is read, only the command line can name it.
        string? reportPath = parse.GetResult(Report) is { Implicit: false } ? parse.GetValue(Report) : null;
        int Fail(int code, string message)
        {
            stderr.WriteLine(message);
            try
            {
                if (reportPath is not null) BuildReport.Failed(code == ExitCodes.Cancelled ? "cancelled" : code == ExitCodes.BadInput ? "bad-input" : "internal", message).Save(reportPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"error: the report {reportPath} could not be written: {e.Message}");
            }
            return code;
        }
        try
        {
            (options, reportPath) = Options(parse);
            // Before any work: a report that could not be written would be found only at the end.
            if (reportPath is not null) AtomicFile.CheckTarget(reportPath);
        }
        catch (BuildInputException e)
        {
            return Fail(ExitCodes.BadInput, $"error: {e.Message}");
        }
        if (parse.GetValue(ListBooks))
        {
            try
            {
                stdout.WriteLine(BookCompiler.ListBooks(options));
                return ExitCodes.Success;
            }
            catch (BuildInputException e)
            {
                return Fail(ExitCodes.BadInput, $"error: {e.Message}");
            }
        }
        try
        {
            var result = quiet ? await BookCompiler.BuildAsync(options, null, cancellationToken)
                : TerminalProgress.Usable(stderr) ? await TerminalProgress.RunAsync(progress => BookCompiler.BuildAsync(options, progress, cancellationToken))
                : await BookCompiler.BuildAsync(options, new ConsoleProgress(stderr), cancellationToken);
            PrintDiagnostics(stderr, result.Diagnostics, quiet, verbose);
            if (verbose && !quiet && result.Settings is { } settings)
            {
                foreach (var (key, setting) in settings.Values) stderr.WriteLine($"setting {key} = {BuildSettings.Show(setting.Value)} (from {setting.From})");
            }
            if (reportPath is not null) BuildReport.From(result).Save(reportPath);
            // Quiet is silent on success, as -q is in cargo and git: the exit code says it worked.
            if (!quiet) BuildSummary.Write(stdout, result);
            return ExitCodes.Success;
        }
        catch (BuildInputException e)
        {
            return Fail(ExitCodes.BadInput, $"error: {e.Message}");
        }
        catch (BuildCancelledException e) when (e.Written.Count > 0)
        {
            return Fail(ExitCodes.Cancelled, $"cancelled; {string.Join(" and ", e.Written.Select(o => o.Path))} had been written before and {(e.Written.Count == 1 ? "is" : "are")} kept, whole; no other file was written");
        }
        catch (OperationCanceledException)
        {
            return Fail(ExitCodes.Cancelled, "cancelled; nothing was written");
        }
        catch (IOException e)
        {
            return Fail(ExitCodes.BadInput, $"error: {e.Message.TrimEnd('.')}. Check that the output folder is writable and the disk has space.");
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(ExitCodes.BadInput, $"error: {e.Message.TrimEnd('.')}. Check the permissions of the output folder.");
        }
        catch (Exception e)
        {
            return Fail(ExitCodes.InternalError, $"internal error: {e}\nThis is a bug in EbookBuilder; please report it with the command line and the input that caused it.");
        }
    }

    /// <summary>
    /// The build's options: the defaults, then a book file (when the input is book.toml or a folder
    /// holding one), then the options given on the command line, each overriding the one before.
    /// </summary>
    private static (BuildOptions Options, string? Report) Options(ParseResult parse)
    {
        var inputs = parse.GetValue(Inputs) ?? [];
        // An option mistyped (--formt) is taken for an input by the parser: say what it is.
        foreach (var input in inputs)
        {
            if (input.StartsWith('-') && input.Length > 1 && !File.Exists(input) && !Directory.Exists(input))
                throw new BuildInputException($"unknown option '{input}'{EditDistance.DidYouMean(input, parse.CommandResult.Command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)))}; `ebook build --help` lists the options");
        }
        if (inputs.Length == 0)
        {
            // As mdBook and cargo do: a bare build builds the book of the current folder.
            if (BookFileLocator.Find(".") is null)
                throw new BuildInputException($"no input: name article files or folders, or a {BookFileReader.FileName}, or run `ebook build` in a folder that holds a {BookFileReader.FileName} (`ebook init` writes one)");
            inputs = ["."];
        }
        var bookPath = inputs.Length == 1 ? BookFileLocator.Find(inputs[0]) : null;
        if (bookPath is null && inputs.Any(i => BookFileLocator.Find(i) is not null))
            throw new BuildInputException("a book file builds alone: give book.toml (or its folder) as the only input");
        var book = bookPath is null ? null : BookFileReader.Read(bookPath);

        bool Given(Option option) => parse.GetResult(option) is { Implicit: false };
        T Pick<T>(Option<T> option, T? fromFile, T fallback) => Given(option) ? parse.GetValue(option)! : fromFile ?? fallback;
        T PickValue<T>(Option<T> option, T? fromFile, T fallback) where T : struct => Given(option) ? parse.GetValue(option) : fromFile ?? fallback;

        DeviceProfile? profile = book?.Profile;
        if (Given(Profile) && parse.GetValue(Profile) is { } profileName)
        {
            profile = DeviceProfile.Find(profileName) ?? throw new BuildInputException(DeviceProfile.Unknown(profileName));
        }
        DateOnly? since = book?.Since, until = book?.Until;
        foreach (var (option, set) in new (Option<string?>, Action<DateOnly>)[] { (Since, d => since = d), (Until, d => until = d) })
        {
            if (parse.GetValue(option) is not { } text) continue;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new BuildInputException($"{option.Name} '{text}' is not a date; write it as YYYY-MM-DD, for example 2020-09-14");
            set(date);
        }
        var concurrency = PickValue(ImageConcurrency, book?.ImageConcurrency, 8);
        if (concurrency is < 1 or > 64)
            throw new BuildInputException($"--image-concurrency {concurrency}: give a number of downloads at a time from 1 to 64");
        var images = new ImageOptions
        {
            Concurrency = concurrency,
            Offline = PickValue(Offline, book?.Offline, false),
        };
        if (Given(CacheDir) && parse.GetValue(CacheDir) is { } cacheDir) images = images with { CacheDirectory = Path.GetFullPath(cacheDir) };
        else if (book?.CacheDir is { } bookCache) images = images with { CacheDirectory = bookCache };

        // The settings the pipeline resolves (defaults < profile < book.toml < command line): this only says what was given.
        var given = new Dictionary<string, object>(StringComparer.Ordinal);
        if (Given(PageSize) && parse.GetValue(PageSize) is { } pageSize) given["page-size"] = pageSize;
        if (Given(ImageMax) && parse.GetValue(ImageMax) is { } max)
            given["image-max"] = BookFile.ParseImageMax(max) ?? throw new BuildInputException($"--image-max '{max}' is not WIDTHxHEIGHT in pixels, for example 1200x1600");
        if (Given(Grayscale)) given["grayscale"] = parse.GetValue(Grayscale);
        OutputFormats? formats = null;
        if (Given(Format))
        {
            formats = OutputFormatNames.ParseList(parse.GetValue(Format)!, out var unknown)
                ?? throw new BuildInputException($"--format: '{unknown}' is not a format{EditDistance.DidYouMean(unknown ?? "", OutputFormatNames.Names)}{OutputFormatNames.Hint(unknown ?? "")}; give epub, pdf, kepub, azw3, a comma list of them (epub,pdf) or all");
            given["formats"] = formats.Value;
        }
        // -o book.epub (pandoc's habit) names the file, and so its format, when there is one format.
        var output = Given(Output) ? parse.GetValue(Output)! : null;
        string? outputName = null;
        if (output is not null && OutputFormatNames.OfFile(output) is { } fileFormat && !Directory.Exists(output))
        {
            if (formats is { } asked && asked != fileFormat)
                throw new BuildInputException($"-o {output} names one {fileFormat.ToString().ToUpperInvariant()} file, but --format asks for {parse.GetValue(Format)}: give a folder with -o to write several formats");
            if (Given(Name)) throw new BuildInputException($"-o {output} names the file already: leave out --name, or give a folder with -o");
            given["formats"] = fileFormat;
            var file = Path.GetFileName(output);
            outputName = fileFormat == OutputFormats.Kepub ? file[..^".kepub.epub".Length] : Path.GetFileNameWithoutExtension(file);
            output = Path.GetDirectoryName(Path.GetFullPath(output))!;
        }
        if (Given(Language) && parse.GetValue(Language) is { } language) given["language"] = language;
        if (Given(Script) && parse.GetValue(Script) is { } script) given["script"] = script;
        if (Given(Quotes) && parse.GetValue(Quotes) is { } quotes) given["quotes"] = quotes;
        if (Given(Vertical)) given["vertical"] = parse.GetValue(Vertical);
        if (Given(Font) && parse.GetValue(Font) is { } font) given["font"] = font;
        if (Given(Split) && parse.GetValue(Split) is { } split) given["split"] = split;
        if (Given(Imposition) && parse.GetValue(Imposition) is { } imposition) given["imposition"] = imposition;
        if (Given(Signature) && parse.GetValue(Signature) is { } signature) given["signature"] = signature;
        if (Given(Bleed) && parse.GetValue(Bleed) is { } bleed) given["bleed"] = bleed;
        if (Given(Columns) && parse.GetValue(Columns) is { } columns) given["columns"] = columns;
        if (Given(ColumnTitles) && parse.GetValue(ColumnTitles) is { } columnTitles) given["column-titles"] = columnTitles;
        if (Given(NoFonts)) given["no-fonts"] = parse.GetValue(NoFonts);
        if (Given(ObfuscateFonts)) given["obfuscate-fonts"] = parse.GetValue(ObfuscateFonts);
        var layers = new List<SettingsLayer>();
        if (profile is not null) layers.Add(BuildSettings.Layer(profile));
        if (book is not null) layers.Add(book.Settings);
        layers.Add(new SettingsLayer("command line", given));

        var series = Pick(Series, book?.Series, null);
        var seriesIndex = Given(Issue) ? parse.GetValue(Issue) : book?.SeriesIndex;
        if (seriesIndex is not null && series is null)
            throw new BuildInputException("--issue numbers the book in a series: give --series NAME too (or series in book.toml)");
        if (seriesIndex < 0) throw new BuildInputException($"--issue {seriesIndex}: give the issue's number, 0 or more");

        var options = new BuildOptions
        {
            Inputs = book is null ? inputs : [],
            Chapters = book?.Chapters,
            BookRoot = book?.Root,
            OutputDirectory = output ?? book?.Folder ?? (book is null ? "dist" : Path.Combine(Path.GetDirectoryName(book.Path)!, "dist")),
            Name = outputName ?? Pick(Name, book?.Name, null),
            OnlyBook = parse.GetValue(OnlyBook),
            Title = Pick(Title, book?.Title, null),
            Subtitle = book?.Subtitle,
            Authors = Given(Author) ? parse.GetValue(Author) ?? [] : book?.Authors ?? [],
            Publisher = Pick(Publisher, book?.Publisher, null),
            Description = Pick(Description, book?.Description, null),
            Series = series,
            SeriesIndex = seriesIndex,
            Identifier = book?.Identifier,
            Date = book?.Date,
            CoverImage = Given(Cover) ? CoverPath(parse.GetValue(Cover)!) : book?.Cover,
            Clean = book?.Clean ?? EbookBuilder.Ingest.CleanRules.None,
            Encoding = Pick(Encoding, book?.Encoding, null),
            Settings = layers,
            StylesDirectory = Path.Combine(AppContext.BaseDirectory, "styles"),
            Timestamp = SourceDateEpoch(),
            Images = images,
            FetchImages = !PickValue(NoImages, book?.NoImages, false),
            Strict = PickValue(Strict, book?.Strict, false),
            // The defaults; formats and fonts given in book.toml or on the command line are settings layers.
            Fonts = new FontOptions { BundledDirectory = Path.Combine(AppContext.BaseDirectory, "fonts") },
            GenerateCover = !PickValue(NoCover, book?.NoCover, false),
            Since = since,
            Until = until,
            DropUndated = Given(Undated) ? parse.GetValue(Undated) == "drop" : book?.DropUndated ?? false,
        };
        return (options, Given(Report) ? parse.GetValue(Report) : book?.Report);
    }

    /// <summary>A cover named on the command line: a URL as it is, a file from the current folder.</summary>
    private static string CoverPath(string cover) =>
        Uri.TryCreate(cover, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? cover : Path.GetFullPath(cover);

    private static void PrintDiagnostics(TextWriter stderr, IReadOnlyList<Diagnostic> diagnostics, bool quiet, bool verbose)
    {
        if (quiet) return;
        var shown = diagnostics.Where(d => verbose || d.Severity != Severity.Info).ToList();
        foreach (var d in shown.Take(MaxListedDiagnostics)) stderr.WriteLine(d);
        if (shown.Count > MaxListedDiagnostics)
            stderr.WriteLine($"... and {shown.Count - MaxListedDiagnostics} more; --report FILE.json lists them all");
    }

    private static DateTimeOffset? SourceDateEpoch() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
