using EbookBuilder.Pipeline;
using Spectre.Console;

namespace EbookBuilder.Cli;

/// <summary>Progress bars per stage on a terminal (Spectre.Console): articles read, images with bytes, fonts, PDF typesetting by article.</summary>
internal sealed class TerminalProgress(ProgressContext context) : IProgress<BuildProgress>
{
    private static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["read"] = "reading articles", ["images"] = "images", ["fonts"] = "fonts", ["epub"] = "writing EPUB", ["kepub"] = "writing KEPUB", ["azw3"] = "writing AZW3", ["pdf"] = "PDF layout", ["pdf articles"] = "PDF typesetting",
    };

    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Runs <paramref name="build"/> with progress bars drawn on standard error.</summary>
    public static async Task<T> RunAsync<T>(Func<IProgress<BuildProgress>, Task<T>> build)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(context => build(new TerminalProgress(context)));
    }

    /// <summary>Whether progress bars can be drawn: standard error is a terminal and this is not a CI log.</summary>
    public static bool Usable(TextWriter stderr) =>
        ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null
        && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb");

    public void Report(BuildProgress value)
    {
        lock (_gate)
        {
            if (!_tasks.TryGetValue(value.Stage, out var task))
            {
                task = context.AddTask(Names.GetValueOrDefault(value.Stage, value.Stage), maxValue: Math.Max(1, value.Total));
                _tasks[value.Stage] = task;
            }
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
            var label = Names.GetValueOrDefault(value.Stage, value.Stage);
            task.Description = value.Bytes > 0 ? $"{label} {value.Done}/{value.Total}, {value.Bytes / 1048576.0:0.0} MB" : value.Total > 1 ? $"{label} {value.Done}/{value.Total}" : label;
            if (value.Done >= value.Total) task.StopTask();
        }
    }
}
