namespace EbookBuilder.Pipeline.Writers;

/// <summary>The characters the writers set around the book's words besides their labels.</summary>
internal static class WriterCharacters
{
    /// <summary>
    /// Digits, Latin letters and punctuation of page numbers, dates (年月日, 1990 — 2020), contents
    /// leaders, the chapter and page words, and the marks the styles set around text.
    /// </summary>
    public const string Common = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .,:;!?()[]/-–—…·•“”‘’\"'%#&+年月日第页（）、，。：；？！《》「」『』【】";
}
