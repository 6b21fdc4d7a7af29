using System.Text.Json.Serialization;

namespace EbookBuilder.Pipeline;

/// <summary>
/// A book a build would make, known before any article is read (<c>ebook build --list-books</c>):
/// its name (what <c>--book</c> picks), title, chapters, the article files named for it (before
/// duplicates and date ranges), and the files it would write.
/// </summary>
public sealed record PlannedBook(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("chapters")] IReadOnlyList<string> Chapters,
    [property: JsonPropertyName("articleFiles")] int ArticleFiles,
    [property: JsonPropertyName("outputs")] IReadOnlyList<string> Outputs)
{
    /// <summary>Whether the book is cut into volumes by size when built (<c>--split size:N</c>): their number is known only then.</summary>
    [property: JsonPropertyName("volumesBySize")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool VolumesBySize { get; init; }
}

/// <summary>The list of planned books as JSON (indented, Chinese kept readable), generated at compile time.</summary>
[JsonSerializable(typeof(IReadOnlyList<PlannedBook>))]
internal sealed partial class PlannedBookJson : JsonSerializerContext
{
    /// <summary>The books as <c>--list-books</c> prints them.</summary>
    public static string Write(IReadOnlyList<PlannedBook> books) => System.Text.Json.JsonSerializer.Serialize(books, Readable.IReadOnlyListPlannedBook);

    private static readonly PlannedBookJson Readable = new(new System.Text.Json.JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
