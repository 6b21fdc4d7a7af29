using EbookBuilder.Images;
using EbookBuilder.Pipeline;

namespace EbookBuilder.Tests.Support;

/// <summary>Runs the real pipeline into a temporary folder; images are not fetched unless asked.</summary>
internal static class TestBuild
{
    public static BuildResult Run(TempFolder output, IReadOnlyList<string> inputs, string? title = null, string? name = null,
        DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default, ImageOptions? images = null, bool strict = false) =>
        BookCompiler.BuildAsync(new BuildOptions
        {
            Inputs = inputs,
            OutputDirectory = output.Path,
            Title = title,
            Name = name,
            StylesDirectory = TestPaths.Styles,
            Timestamp = timestamp,
            FetchImages = images is not null,
            Images = images ?? new ImageOptions(),
            Strict = strict,
        }, null, cancellationToken).GetAwaiter().GetResult();
}
