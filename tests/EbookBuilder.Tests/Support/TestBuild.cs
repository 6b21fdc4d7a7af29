using EbookBuilder.Pipeline;

namespace EbookBuilder.Tests.Support;

/// <summary>Runs the real pipeline into a temporary folder.</summary>
internal static class TestBuild
{
    public static BuildResult Run(TempFolder output, IReadOnlyList<string> inputs, string? title = null, string? name = null,
        DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default) =>
        BookCompiler.Build(new BuildOptions
        {
            Inputs = inputs,
            OutputDirectory = output.Path,
            Title = title,
            Name = name,
            StylesDirectory = TestPaths.Styles,
            Timestamp = timestamp,
        }, null, cancellationToken);
}
