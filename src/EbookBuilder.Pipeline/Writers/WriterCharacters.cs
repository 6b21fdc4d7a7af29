namespace EbookBuilder.Pipeline.Writers;

/// <summary>The characters the writers set around the book's words besides their labels.</summary>
internal static class WriterCharacters
{
    /// <summary>
    /// Digits, Latin letters and punctuation of page numbers, dates (年月日, 1990 — 2020), contents
    /// leaders, the chapter and page words, the marks the styles set around text, and the Chinese
    /// numerals of a vertical book's contents.
    /// </summary>
    public const string Common = "〇一二三四五六七八九0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .,:;!?()[]/-–—…·•“”‘’\"'%#&+年月日第页（）、，。：；？！《》「」『』【】";
}
