using EbookBuilder.Assembly;

namespace EbookBuilder.Pipeline.Stages;

/// <summary>
/// What the resolve stage decides before any article is read: the settings, the options with the
/// resolved image limits applied, the one folder the book may read from, and the chapters to read.
/// </summary>
internal sealed record Resolved(BuildOptions Options, BuildSettings Settings, string Root, IReadOnlyList<ChapterSource> Sources);
