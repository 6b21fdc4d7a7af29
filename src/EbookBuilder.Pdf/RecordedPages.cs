using EbookBuilder.Pdf.Skia;
using SkiaSharp;

namespace EbookBuilder.Pdf;

/// <summary>
/// A typeset book's pages as Skia recorded them (<see cref="PdfOptions.KeepPages"/>), in reading
/// order, with the typefaces they draw with: what <see cref="Imposer"/> plays onto sheets, as text
/// and vectors. They hold native memory (about 16 KB a text page) until disposed.
/// </summary>
public sealed class RecordedPages : IDisposable
{
    private readonly SortedDictionary<int, SKPicture> _pages = [];

    internal RecordedPages(float width, float height, bool boundRight)
    {
        (Width, Height, BoundRight) = (width, height, boundRight);
    }

    /// <summary>The page size in points.</summary>
    public float Width { get; }

    /// <summary>The page size in points.</summary>
    public float Height { get; }

    /// <summary>Whether the book is bound on the right (vertical): its sheets are mirrored.</summary>
    public bool BoundRight { get; }

    /// <summary>The number of pages.</summary>
    public int Count => _pages.Count;

    /// <summary>The typefaces the pages draw with; they live as long as the pages.</summary>
    internal SkiaTypefaces Typefaces { get; } = new();

    /// <summary>Keeps page <paramref name="number"/> (1-based, reading order).</summary>
    internal void Add(int number, SKPicture page)
    {
        if (!_pages.TryAdd(number, page)) throw new InvalidOperationException($"page {number} was recorded twice");
    }

    /// <summary>Page <paramref name="number"/> (1-based).</summary>
    internal SKPicture Page(int number) => _pages.TryGetValue(number, out var page) ? page : throw new ArgumentOutOfRangeException(nameof(number), $"no page {number} of {Count}");

    public void Dispose()
    {
        foreach (var page in _pages.Values) page.Dispose();
        _pages.Clear();
        Typefaces.Dispose();
    }
}
