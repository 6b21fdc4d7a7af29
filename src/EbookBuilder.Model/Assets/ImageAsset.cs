namespace EbookBuilder.Model.Assets;

/// <summary>
/// An image ready for the book: a generated file name unique per content ("img-3fa2….jpg"), its
/// bytes in an e-reader format, and its size in pixels (0 for SVG). The bytes stay on disk (in
/// the image cache) when they are there, and are read when a writer needs them, so a book's
/// images do not all sit in memory at once.
/// </summary>
public sealed class ImageAsset
{
    private readonly byte[]? _bytes;
    private readonly string? _file;

    /// <summary>An image whose bytes are held in memory.</summary>
    public ImageAsset(string name, byte[] bytes, string mediaType, int width, int height)
        : this(name, mediaType, width, height, bytes.LongLength)
    {
        _bytes = bytes;
    }

    private ImageAsset(string name, string mediaType, int width, int height, long length)
    {
        Name = name;
        MediaType = mediaType;
        Width = width;
        Height = height;
        Length = length;
    }

    private ImageAsset(string name, string file, string mediaType, int width, int height, long length)
        : this(name, mediaType, width, height, length)
    {
        _file = file;
    }

    /// <summary>An image whose bytes are in <paramref name="file"/>, read when needed.</summary>
    public static ImageAsset InFile(string name, string file, string mediaType, int width, int height, long length) =>
        new(name, file, mediaType, width, height, length);

    /// <summary>The file name in the book, e.g. "img-3fa2….jpg".</summary>
    public string Name { get; }

    /// <summary>The media type of the bytes, e.g. "image/jpeg".</summary>
    public string MediaType { get; }

    /// <summary>Width in pixels (0 for SVG).</summary>
    public int Width { get; }

    /// <summary>Height in pixels (0 for SVG).</summary>
    public int Height { get; }

    /// <summary>The size of the bytes.</summary>
    public long Length { get; }

    /// <summary>The file that holds the bytes, for an image kept on disk (a cache entry, never rewritten in place).</summary>
    public string? FilePath => _file;

    /// <summary>The bytes (read from disk each time, for an image kept there).</summary>
    public byte[] ReadBytes() => _bytes ?? File.ReadAllBytes(_file!);
}
