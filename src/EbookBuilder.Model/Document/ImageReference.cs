namespace EbookBuilder.Model.Document;

/// <summary>
/// An image as the article names it: an absolute URL (http, https or data) or a local path
/// resolved against the article's folder. Fetching it is the asset stage's job.
/// </summary>
public sealed record ImageReference(string Location, string? AltText, int? Width, int? Height, string? Title = null);
