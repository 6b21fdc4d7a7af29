namespace EbookBuilder.Pipeline;

/// <summary>Which files a build writes.</summary>
[Flags]
public enum OutputFormats
{
    /// <summary>An EPUB 3 archive.</summary>
    Epub = 1,
    /// <summary>A typeset PDF.</summary>
    Pdf = 2,
    /// <summary>Both.</summary>
    All = Epub | Pdf,
}
