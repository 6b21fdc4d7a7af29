using EbookBuilder.Fonts;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline.Writers;

/// <summary>
/// Everything a writer gets, decided once for the build (mdBook's RenderContext): the book, its
/// images and subset fonts, the resolved settings, the labels in the book's language, the
/// timestamp to record, the cover, where the build's files live, and where to report.
/// </summary>
public sealed record WriterContext(
    Book Book,
    ImageBag Images,
    FontBag Fonts,
    BuildSettings Settings,
    Labels Labels,
    DateTimeOffset Timestamp,
    BuildOptions Options,
    DiagnosticBag Diagnostics)
{
    /// <summary>The cover image given or fetched (a book file's cover), or null to let the writer draw or set one.</summary>
    public ImageAsset? Cover { get; init; }

    /// <summary>Where a writer reports its progress (its own stage name), or null.</summary>
    public IProgress<BuildProgress>? Progress { get; init; }
}
