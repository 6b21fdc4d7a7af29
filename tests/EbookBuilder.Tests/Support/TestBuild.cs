using EbookBuilder.Fonts;
using EbookBuilder.Images;
using EbookBuilder.Pipeline;

namespace EbookBuilder.Tests.Support;

/// <summary>Runs the real pipeline into a temporary folder; images are not fetched, nor fonts embedded, unless asked.</summary>
internal static class TestBuild
{
    /// <summary>The bundled fonts, as the command line uses them.</summary>
    public static FontOptions BundledFonts => new() { BundledDirectory = Path.Combine(TestPaths.RepoRoot, "fonts") };

    public static BuildResult Run(TempFolder output, IReadOnlyList<string> inputs, string? title = null, string? name = null,
        DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default, ImageOptions? images = null, bool strict = false,
        FontOptions? fonts = null, bool obfuscateFonts = false, OutputFormats formats = OutputFormats.Epub, bool cover = false,
        IReadOnlyList<SettingsLayer>? settings = null) =>
        BookCompiler.BuildAsync(new BuildOptions
        {
            Inputs = inputs,
            OutputDirectory = output.Path,
            Title = title,
            Name = name,
            StylesDirectory = TestPaths.Styles,
            Timestamp = timestamp,
            FetchImages = images is not null,
            Images = images ?? new ImageOptions { CacheDirectory = output.File(".cache") }, // drawn covers are cached
            Strict = strict,
            Fonts = fonts,
            ObfuscateFonts = obfuscateFonts,
            Formats = formats,
            GenerateCover = cover,
            Settings = settings ?? [],
        }, null, cancellationToken).GetAwaiter().GetResult();
}
