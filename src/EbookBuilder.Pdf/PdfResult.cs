namespace EbookBuilder.Pdf;

/// <summary>What the PDF writer made: page count and time.</summary>
public sealed record PdfResult(int Pages, long Milliseconds);
