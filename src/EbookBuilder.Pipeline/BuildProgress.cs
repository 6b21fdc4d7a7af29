namespace EbookBuilder.Pipeline;

/// <summary>How far a stage has come; the command line draws it.</summary>
public sealed record BuildProgress(string Stage, int Done, int Total);
