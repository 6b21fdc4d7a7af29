namespace EbookBuilder.Model.Assets;

/// <summary>An image that could not be put in the book, and why.</summary>
public sealed record ImageFailure(string Location, string Reason);
