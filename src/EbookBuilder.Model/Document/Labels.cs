namespace EbookBuilder.Model.Document;

/// <summary>
/// The few words the writers add themselves, in the book's language, decided once for the book:
/// the EPUB and the PDF draw the same words, and the font stage subsets their characters
/// (<see cref="All"/>) with the book's own.
/// </summary>
public sealed record Labels(string Contents, string Start, string Source, string ImageMissing, string TitlePage, string Cover)
{
    /// <summary>The labels for a BCP 47 language: Chinese for zh-* (traditional characters for zh-Hant, zh-TW, zh-HK), English otherwise.</summary>
    public static Labels For(string language) =>
        EbookBuilder.Model.Text.ChineseVariant.IsTraditional(language) ? new Labels("目錄", "正文", "原文", "（圖片未能收錄）", "書名頁", "封面")
        : language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? new Labels("目录", "正文", "原文", "（图片未能收录）", "书名页", "封面")
        : new Labels("Contents", "Start", "Original", "(image not available)", "Title page", "Cover");

    /// <summary>Every label, for the font stage.</summary>
    public IReadOnlyList<string> All => [Contents, Start, Source, ImageMissing, TitlePage, Cover];
}
