namespace EbookBuilder.Pdf;

/// <summary>The PDF writer's settings: the theme, an optional page size overriding it, and the time recorded in the file.</summary>
public sealed record PdfOptions(PdfTheme Theme, DateTimeOffset Timestamp, string? PageSize = null);
