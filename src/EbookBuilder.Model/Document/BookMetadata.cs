using System.Globalization;

namespace EbookBuilder.Model.Document;

/// <summary>What the book says about itself.</summary>
public sealed record BookMetadata(
    string Title,
    IReadOnlyList<string> Authors,
    string Language,
    string? Publisher = null,
    string? Description = null,
    string? Identifier = null,
    string? Subtitle = null,
    DateOnly? Date = null,
    string? Series = null,
    double? SeriesIndex = null)
{
    /// <summary>The series index as written (12, 12.5), or null.</summary>
    public string? SeriesNumber => SeriesIndex?.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// The series and issue as the title page and cover print them, in the book's language
    /// ("示例周刊 第 12 期", "Weekly, No. 12"), or null for a book of no series.
    /// </summary>
    public string? SeriesLine => Series is null ? null
        : SeriesNumber is not { } number ? Series
        : Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? $"{Series} 第 {number} 期"
        : $"{Series}, No. {number}";
}
