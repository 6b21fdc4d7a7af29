using EbookBuilder.Pipeline;

namespace EbookBuilder.Cli;

/// <summary>Draws progress as one line per finished stage (fit for logs as well as terminals).</summary>
internal sealed class ConsoleProgress(TextWriter writer) : IProgress<BuildProgress>
{
    private readonly Lock _gate = new();

    public void Report(BuildProgress value)
    {
        if (value.Done != value.Total) return;
        var bytes = value.Bytes > 0 ? $", {value.Bytes / 1024.0 / 1024.0:0.0} MB" : "";
        lock (_gate) writer.WriteLine($"{value.Stage}: {value.Done}/{value.Total}{bytes}");
    }
}
