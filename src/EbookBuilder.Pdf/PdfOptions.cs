namespace EbookBuilder.Pdf;

/// <summary>The PDF writer's settings: the theme, an optional page size overriding it, and the time recorded in the file.</summary>
public sealed record PdfOptions(PdfTheme Theme, DateTimeOffset Timestamp, string? PageSize = null)
{
    /// <summary>The book's cover image, drawn as the first page; null for a typeset title page.</summary>
    public EbookBuilder.Model.Assets.ImageAsset? Cover { get; init; }

    /// <summary>Told (articles typeset, articles in all) as the typesetting reaches each article.</summary>
    public IProgress<(int Done, int Total)>? Articles { get; init; }

    /// <summary>
    /// Where a part of an article that cannot be typeset is reported (OUT003, with its file and
    /// line); it is then set as plain text or left out and the book goes on. Null: such a failure
    /// stops the PDF.
    /// </summary>
    public EbookBuilder.Model.Diagnostics.DiagnosticBag? Diagnostics { get; init; }

    /// <summary>The words the writer adds (contents, original…), decided once for the book; by default those of the book's language.</summary>
    public EbookBuilder.Model.Document.Labels? Labels { get; init; }

    /// <summary>
    /// Set the book vertically: columns from right to left, upright CJK in the font's vertical
    /// forms, Latin on its side, short numbers upright (縦中横), bound on the right.
    /// </summary>
    public bool Vertical { get; init; }

    /// <summary>
    /// Keep the recorded pages (<see cref="PdfResult.Recorded"/>) for <see cref="Imposer"/>, which
    /// the caller disposes. They stay in memory until then.
    /// </summary>
    public bool KeepPages { get; init; }

    /// <summary>
    /// For a print shop: how far, in millimetres, printing may run past where the page is cut. Each
    /// page is then set on a larger sheet with crop marks, and carries /TrimBox and /BleedBox; 0 for none.
    /// </summary>
    public float BleedMm { get; init; }

    /// <summary>How many columns the chapters are set in (a digest's two); the cover and the contents are in one.</summary>
    public int Columns { get; init; } = 1;

    /// <summary>In columns: an article's title, meta line and first figure's place set across them all (true), or in its column.</summary>
    public bool TitlesAcross { get; init; } = true;

    /// <summary>
    /// Given the page map (<see cref="PdfResult.PageMap"/>) as soon as the body is laid out, while
    /// the contents are drawn and the document is finished; the EPUB's page-list needs nothing more.
    /// </summary>
    public Action<EbookBuilder.Model.Document.PageMap>? PagesKnown { get; init; }
}
