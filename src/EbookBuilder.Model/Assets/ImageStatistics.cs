namespace EbookBuilder.Model.Assets;

/// <summary>Counts for the report.</summary>
public sealed record ImageStatistics(
    int Found,
    int Downloaded,
    int FromCache,
    int Converted,
    int PassedThrough,
    int Failed,
    long BytesIn,
    long BytesOut,
    int Requests);
