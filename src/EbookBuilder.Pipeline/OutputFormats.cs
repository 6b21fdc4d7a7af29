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
    /// <summary>Both.</summary>
    All = Epub | Pdf,
}
