namespace EbookBuilder.Pdf;

/// <summary>What the PDF writer made: page count and time, and how well the pages are made up.</summary>
public sealed record PdfResult(int Pages, long Milliseconds)
{
    /// <summary>Pages of the chapters that end below 60% of the text height though their chapter goes on.</summary>
    public int ShortPages { get; init; }

    /// <summary>Pages that end with a title or heading whose text is overleaf.</summary>
    public int StrandedHeadings { get; init; }

    /// <summary>Body paragraphs of three lines or more that end with one character alone on their last line.</summary>
    public int LoneLines { get; init; }

    /// <summary>Justified body lines with more than a quarter em between two characters.</summary>
    public int LooseLines { get; init; }

    /// <summary>Body lines (not a paragraph's last) that justification's limits could not fill: set ragged.</summary>
    public int RaggedLines { get; init; }

    /// <summary>Where each page begins in the book (chapter, article, block), for the EPUB's page-list.</summary>
    public EbookBuilder.Model.Document.PageMap? PageMap { get; init; }

    /// <summary>The pages as recorded, when <see cref="PdfOptions.KeepPages"/> asked for them; the caller disposes them.</summary>
    public RecordedPages? Recorded { get; init; }
}
