namespace EbookBuilder.Pdf;

/// <summary>What the PDF writer made: page count and time, and how well the pages are made up.</summary>
public sealed record PdfResult(int Pages, long Milliseconds)
{
    /// <summary>Pages of the chapters that end below 60% of the text height though their chapter goes on.</summary>
    public int ShortPages { get; init; }

    /// <summary>Pages that end with a title or heading whose text is overleaf.</summary>
    public int StrandedHeadings { get; init; }
}
