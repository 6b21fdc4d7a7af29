using System.Globalization;
using System.Text;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Document;
using EbookBuilder.Model.Text;

namespace EbookBuilder.Pipeline;

/// <summary>
/// A book cut between articles into volumes of at most a size (<c>--split size:45MB</c>: Send to
/// Kindle takes 50 MB), each a complete book: its own title (<c>NAME 上/中/下</c> in Chinese up to
/// three, else <c>NAME (1/4)</c>), contents, cover and identifier. A file's size is known only
/// once written, so each article is weighed before: its images as converted, its text as the
/// archive compresses Chinese (about half), and every volume carries the fonts and cover.
/// </summary>
public static class Volumes
{
    /// <summary>The bytes a <c>size:N</c> split allows: "size:45MB", "size:800KB", "size:45" (MB); null when it is not one.</summary>
    public static long? ParseSplit(string text)
    {
        var value = text.Trim();
        if (!value.StartsWith("size:", StringComparison.OrdinalIgnoreCase)) return null;
        value = value[5..].Trim().ToUpperInvariant();
        var factor = 1_000_000d;
        if (value.EndsWith("KB", StringComparison.Ordinal)) (value, factor) = (value[..^2], 1_000d);
        else if (value.EndsWith("MB", StringComparison.Ordinal)) value = value[..^2];
        else if (value.EndsWith('M')) value = value[..^1];
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0 ? (long)(number * factor) : null;
    }

    /// <summary>
    /// What every volume carries whatever its articles: the fonts (the archive deflates TrueType
    /// to about 63%: 2.1 of 3.3 MB for the corpus's regular face), a cover, the package.
    /// </summary>
    private static long Fixed(FontBag fonts, ImageAsset? cover) => fonts.Faces.Sum(f => (long)f.Bytes.Length) * 65 / 100 + (cover?.Length ?? 400_000) + 50_000;

    /// <summary>An article's weight in the archive: its images as converted, its text compressed.</summary>
    private static long Weight(Article article, ImageBag images)
    {
        var pictures = Figures.In(article.Blocks).Select(f => f.Image is { } i ? images.Find(i.Location) : null).OfType<ImageAsset>()
            .DistinctBy(a => a.Name).Sum(a => a.Length);
        var text = Encoding.UTF8.GetByteCount(article.Title) + Encoding.UTF8.GetByteCount(PlainText.Of(article.Blocks));
        // Measured on the corpus: 900 articles' pages, 7.0 MB of XHTML, deflate to 3.5 MB.
        return pictures + text * 55 / 100 + 1_000;
    }

    /// <summary>The book's volumes for <paramref name="maxBytes"/>: the book itself when it fits in one.</summary>
    public static IReadOnlyList<Book> Plan(Book book, ImageBag images, FontBag fonts, ImageAsset? cover, long maxBytes)
    {
        var room = maxBytes - Fixed(fonts, cover);
        // Each volume carries the book's fonts and a cover: a size they nearly fill would make a volume per article.
        if (room < maxBytes / 4)
            throw new BuildInputException($"split size:{maxBytes / 1e6:0.##}MB leaves too little for articles: every volume carries the fonts and a cover ({(maxBytes - room) / 1e6:0.0} MB); give a larger size, or --no-fonts");
        var volumes = new List<List<Chapter>>();
        var current = new List<Chapter>();
        long used = 0;
        foreach (var chapter in book.Chapters)
        {
            var articles = new List<Article>();
            foreach (var article in chapter.Articles)
            {
                var weight = Weight(article, images);
                if (used + weight > room && (articles.Count > 0 || current.Count > 0))
                {
                    if (articles.Count > 0) current.Add(chapter with { Articles = articles });
                    volumes.Add(current);
                    (current, articles, used) = ([], [], 0);
                }
                articles.Add(article);
                used += weight;
            }
            if (articles.Count > 0) current.Add(chapter with { Articles = articles });
        }
        if (current.Count > 0) volumes.Add(current);
        if (volumes.Count <= 1) return [book];
        return volumes.Select((chapters, i) => new Book(book.Metadata with
        {
            Title = book.Metadata.Title + Mark(i, volumes.Count, book.Metadata.Language),
            Identifier = book.Metadata.Identifier is { } id ? $"{id}-{i + 1}" : null, // else derived from each volume's content
        }, chapters)).ToList();
    }

    /// <summary>Whether a split setting asks for one book per chapter (<c>split = "chapter"</c>).</summary>
    public static bool IsByChapter(string text) => text.Trim().Equals("chapter", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// One book per chapter (<c>--split chapter</c>): each titled and named after its chapter (a
    /// title given for the whole run goes before it: "周刊 · 国际"), its identifier derived from
    /// its own articles unless one was given (then ID-N). <paramref name="books"/> gives each
    /// chapter's file name and number N by where the chapter was asked for (<see cref="Names"/>
    /// over all the chapters asked for), so that a chapter's book is the same whether it is built
    /// alone or with the others.
    /// </summary>
    public static IReadOnlyList<(Book Book, string Name)> ByChapter(Book book, string? title, IReadOnlyDictionary<SourceSpan, (string Name, int Number)> books) =>
        book.Chapters.Select(chapter => (new Book(book.Metadata with
        {
            Title = ChapterBookTitle(title, chapter.Title),
            Identifier = book.Metadata.Identifier is { } id ? $"{id}-{books[chapter.Source].Number}" : null,
        }, [chapter]), books[chapter.Source].Name)).ToList();

    /// <summary>The title of a chapter's book: the chapter's, after the title given for the whole run.</summary>
    public static string ChapterBookTitle(string? title, string chapter) => title is null ? chapter : $"{title} · {chapter}";

    /// <summary>The file names of the chapters' books, in order: NAME-CHAPTER (or CHAPTER), " (2)" after one taken.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<string> chapters, string? name)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>(chapters.Count);
        foreach (var chapter in chapters)
        {
            var stem = name is null ? chapter : $"{name}-{chapter}";
            var fileName = FileNames.ForBook(stem);
            for (var n = 2; !taken.Add(fileName); n++) fileName = FileNames.ForBook($"{stem} ({n})");
            names.Add(fileName);
        }
        return names;
    }

    /// <summary>" 上", " 中", " 下" for two or three Chinese volumes; " (2/5)" otherwise.</summary>
    public static string Mark(int index, int count, string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && count <= 3
            ? " " + (count == 2 ? "上下" : "上中下")[index]
            : $" ({index + 1}/{count})";
}
