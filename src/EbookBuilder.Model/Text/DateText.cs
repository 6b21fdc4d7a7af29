using System.Globalization;

namespace EbookBuilder.Model.Text;

/// <summary>Dates as a book shows them: "2020年9月27日" in Chinese, ISO 8601 otherwise.</summary>
public static class DateText
{
    /// <summary>The date in the book's language.</summary>
    public static string Format(DateOnly date, string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? $"{date.Year}年{date.Month}月{date.Day}日"
            : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
