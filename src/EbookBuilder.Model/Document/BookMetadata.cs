namespace EbookBuilder.Model.Document;

/// <summary>What the book says about itself.</summary>
public sealed record BookMetadata(
    string Title,
    IReadOnlyList<string> Authors,
    string Language,
    string? Publisher = null,
    string? Description = null,
    string? Identifier = null,
    string? Subtitle = null,
    DateOnly? Date = null);
