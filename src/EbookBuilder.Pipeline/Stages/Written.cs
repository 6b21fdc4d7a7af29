namespace EbookBuilder.Pipeline.Stages;

/// <summary>One file a writer made, the time it took, and the figures it counted (pages…).</summary>
internal sealed record Written(OutputFile Output, long Ms, IReadOnlyDictionary<string, long> Figures);
