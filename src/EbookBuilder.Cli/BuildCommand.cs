using System.CommandLine;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Pipeline;

namespace EbookBuilder.Cli;

/// <summary><c>ebook build INPUT...</c>: the main job.</summary>
internal static class BuildCommand
{
    private const int MaxListedDiagnostics = 40;

    private static readonly Argument<string[]> Inputs = new("inputs")
    {
        Description = "Article files, folders of articles, or index files (Markdown link lists); each makes a chapter",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string> Output = new("--output", "-o")
    {
        Description = "Folder to write the books to",
        DefaultValueFactory = _ => "dist",
    };

    private static readonly Option<string?> Name = new("--name") { Description = "Output file name without extension (default: the title)" };

    private static readonly Option<string> Format = new("--format", "-f")
    {
        Description = "Formats to write: epub, pdf or all",
        DefaultValueFactory = _ => "epub",
    };

    private static readonly Option<string?> Title = new("--title") { Description = "Book title" };

    private static readonly Option<string[]> Author = new("--author")
    {
        Description = "Book author (repeat for several)",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string> Language = new("--language")
    {
        Description = "Book language (BCP 47)",
        DefaultValueFactory = _ => "zh-CN",
    };

    private static readonly Option<string?> Report = new("--report") { Description = "Write a JSON report of the build to this file" };

    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Print nothing but errors" };

    private static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Also print informational notes" };

    public static Command Create()
    {
        Format.AcceptOnlyFromAmong("epub", "pdf", "all");
        var command = new Command("build", "Build a book from articles")
        {
            Inputs, Output, Name, Format, Title, Author, Language, Report, Quiet, Verbose,
        };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(parseResult, cancellationToken)));
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancellationToken)
    {
        var quiet = parse.GetValue(Quiet);
        var verbose = parse.GetValue(Verbose);
        var stderr = parse.InvocationConfiguration.Error;
        var stdout = parse.InvocationConfiguration.Output;
        var options = new BuildOptions
        {
            Inputs = parse.GetValue(Inputs) ?? [],
            OutputDirectory = parse.GetValue(Output)!,
            Name = parse.GetValue(Name),
            Formats = parse.GetValue(Format) switch { "pdf" => OutputFormats.Pdf, "all" => OutputFormats.All, _ => OutputFormats.Epub },
            Title = parse.GetValue(Title),
            Authors = parse.GetValue(Author) ?? [],
            Language = parse.GetValue(Language)!,
            StylesDirectory = Path.Combine(AppContext.BaseDirectory, "styles"),
            Timestamp = SourceDateEpoch(),
        };
        try
        {
            var progress = quiet ? null : new ConsoleProgress(stderr);
            var result = BookCompiler.Build(options, progress, cancellationToken);
            PrintDiagnostics(stderr, result.Diagnostics, quiet, verbose);
            if (parse.GetValue(Report) is { } reportPath) BuildReport.From(result).Save(reportPath);
            if (!quiet)
            {
                var warnings = result.Diagnostics.Count(d => d.Severity == Severity.Warning);
                stdout.WriteLine($"{result.Book.Chapters.Count} chapters, {result.Book.Articles.Count()} articles, {warnings} warnings, {result.TimingsMs["total"]} ms");
            }
            foreach (var output in result.Outputs) stdout.WriteLine($"wrote {output.Path} ({output.Bytes:N0} bytes)");
            return ExitCodes.Success;
        }
        catch (BuildInputException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled; nothing was written");
            return ExitCodes.Cancelled;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"error: {e.Message}. Check that the output folder is writable and the disk has space.");
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"error: {e.Message}. Check the permissions of the output folder.");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"internal error: {e}");
            stderr.WriteLine("This is a bug in EbookBuilder; please report it with the command line and the input that caused it.");
            return ExitCodes.InternalError;
        }
    }

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
