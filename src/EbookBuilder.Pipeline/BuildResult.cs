using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline;

/// <summary>What a build produced: the book, its diagnostics, the files written and the time each stage took.</summary>
public sealed record BuildResult(
    Book Book,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<OutputFile> Outputs,
    IReadOnlyDictionary<string, long> TimingsMs);
