namespace EbookBuilder.Model.Assets;

/// <summary>
/// Counts for the report; the milliseconds are summed over all images (they overlap in time).
/// BytesIn counts the source bytes read: downloads, files, and downloads read back from the
/// cache to be converted (a rebuild that finds the conversion cached reads no source at all).
/// </summary>
public sealed record ImageStatistics(
    int Found,
    int Downloaded,
    int FromCache,
    int Converted,
    int PassedThrough,
    int Failed,
    long BytesIn,
    long BytesOut,
    int Requests,
    long DownloadMilliseconds = 0,
    long ConvertMilliseconds = 0)
{
    /// <summary>Why the image cache could not be written during the build (a full disk), if it could not.</summary>
    public string? CacheUnwritable { get; init; }
}
