namespace EbookBuilder.Pipeline;

/// <summary>How far a stage has come (and, for images, how many bytes were read); the command line draws it.</summary>
public sealed record BuildProgress(string Stage, int Done, int Total, long Bytes = 0);
