namespace EbookBuilder.Epub;

/// <summary>What the EPUB writer needs beyond the book and its assets.</summary>
/// <param name="Stylesheet">The book's CSS (from styles/).</param>
/// <param name="Modified">The package's dcterms:modified and the archive's entry times; from the inputs, for reproducible builds.</param>
/// <param name="ObfuscateFonts">Apply the IDPF font obfuscation to embedded fonts (META-INF/encryption.xml).</param>
/// <param name="Cover">The cover image (JPEG or PNG), shown on a cover page first in the book; null for none.</param>
public sealed record EpubOptions(string Stylesheet, DateTimeOffset Modified, bool ObfuscateFonts = false, EbookBuilder.Model.Assets.ImageAsset? Cover = null)
{
    /// <summary>
    /// Where an article the writer fails on is reported (OUT003, with its file); its page then
    /// holds its text as plain paragraphs and the book goes on. Null: such a failure stops the EPUB.
    /// </summary>
    public EbookBuilder.Model.Diagnostics.DiagnosticBag? Diagnostics { get; init; }

    /// <summary>
    /// What is done to each content page (chapter openings, articles) once it is written: a KEPUB
    /// adds Kobo's spans (<see cref="KoboSpans"/>). Null: nothing.
    /// </summary>
    public Func<byte[], byte[]>? ContentPages { get; init; }

    /// <summary>
    /// Deflate at the fastest level: for an EPUB held in memory and read back at once (the AZW3
    /// writer's); a third of the stored size, for a tenth of the time of the default level.
    /// </summary>
    public bool FastCompression { get; init; }

    /// <summary>
    /// Where the typeset book's pages begin (the PDF's, built beside this EPUB with the same
    /// settings): page breaks at those places and a page-list in the navigation document. Null: none.
    /// </summary>
    public EbookBuilder.Model.Document.PageMap? Pages { get; init; }

    /// <summary>The words the writer adds (contents, cover…), decided once for the book; by default those of the book's language.</summary>
    public EbookBuilder.Model.Document.Labels? Labels { get; init; }

    /// <summary>
    /// Set the book vertically: content pages in columns from right to left (<see cref="VerticalPages"/>),
    /// and the spine turning pages from right to left. The cover and the contents stay horizontal.
    /// </summary>
    public bool Vertical { get; init; }
}
