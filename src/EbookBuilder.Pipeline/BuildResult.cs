using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline;

/// <summary>What a build produced: the book, its images, its diagnostics, the files written and the time each stage took.</summary>
public sealed record BuildResult(
    Book Book,
    ImageBag Images,
    IReadOnlyList<ImageFailure> ImageFailures,
    FontBag Fonts,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<OutputFile> Outputs,
    IReadOnlyDictionary<string, long> TimingsMs,
    int PdfPages = 0)
{
    /// <summary>The settings the build resolved, each with its source.</summary>
    public BuildSettings? Settings { get; init; }
}
