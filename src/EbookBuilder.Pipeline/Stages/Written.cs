namespace EbookBuilder.Pipeline.Stages;

/// <summary>One file a writer made, the time it took, and its page count (0 where a format has no pages).</summary>
internal sealed record Written(OutputFile Output, long Ms, int Pages);
