using EbookBuilder.Pipeline;

namespace EbookBuilder.Cli;

/// <summary>Draws progress as one line per finished stage (fit for logs as well as terminals).</summary>
internal sealed class ConsoleProgress(TextWriter writer) : IProgress<BuildProgress>
{
    private readonly Lock _gate = new();

    public void Report(BuildProgress value)
    {
        if (value.Done != value.Total) return;
        lock (_gate) writer.WriteLine($"{value.Stage}: {value.Done}/{value.Total}");
    }
}
