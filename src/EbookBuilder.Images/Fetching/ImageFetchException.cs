namespace EbookBuilder.Images.Fetching;

/// <summary>A download failed for good; the message is the reason for the report.</summary>
internal sealed class ImageFetchException(string reason) : Exception(reason);
