namespace EbookBuilder.Images;

/// <summary>Images finished out of all, and bytes read so far.</summary>
public sealed record ImageProgress(int Done, int Total, long Bytes);
