namespace EbookBuilder.Model.Assets;

/// <summary>Counts for the report; the milliseconds are summed over all images (they overlap in time).</summary>
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
    long ConvertMilliseconds = 0);
