namespace EbookBuilder.Pipeline;

/// <summary>Which files a build writes.</summary>
[Flags]
public enum OutputFormats
{
    /// <summary>No format (only while a list of formats is read).</summary>
    None = 0,
    /// <summary>EPUB 3.</summary>
    Epub = 1,
    /// <summary>A typeset PDF.</summary>
    Pdf = 2,
    /// <summary>Kobo's EPUB (NAME.kepub.epub): the EPUB with Kobo's sentence spans.</summary>
    Kepub = 4,
    /// <summary>A Kindle book (NAME.azw3, KF8), made from the EPUB by our own writer.</summary>
    Azw3 = 8,
    /// <summary>EPUB and PDF (the formats "all" has always meant).</summary>
    All = Epub | Pdf,
}
