namespace EbookBuilder.Images.Converting;

/// <summary>The bytes are not an image we can put in a book; the message is the reason for the report.</summary>
internal sealed class ImageRejectedException(string reason) : Exception(reason);
