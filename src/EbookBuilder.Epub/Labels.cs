namespace EbookBuilder.Epub;

/// <summary>The few words the writer adds itself, in the book's language.</summary>
internal sealed record Labels(string Contents, string Start, string Source, string ImageMissing, string TitlePage, string Cover)
{
    public static Labels For(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? new Labels("目录", "正文", "原文", "（图片未能收录）", "书名页", "封面")
            : new Labels("Contents", "Start", "Original", "(image not available)", "Title page", "Cover");
}
