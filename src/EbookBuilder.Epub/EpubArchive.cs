using System.IO.Compression;
using ICSharpCode.SharpZipLib.Checksum;
using ICSharpCode.SharpZipLib.Zip;

namespace EbookBuilder.Epub;

/// <summary>
/// The OCF zip container: "mimetype" first and stored, no extra fields, no zip64, fixed entry
/// times, so that the same book gives the same bytes.
/// </summary>
internal sealed class EpubArchive : IDisposable
{
    private readonly ZipOutputStream _zip;
    private readonly DateTime _time;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly CompressionLevel _level;

    /// <param name="output">Where the archive goes.</param>
    /// <param name="modified">The entries' time.</param>
    /// <param name="fast">Deflate at the fastest level (an archive read back at once, as the AZW3 writer's is).</param>
    public EpubArchive(Stream output, DateTimeOffset modified, bool fast = false)
    {
        _zip = new ZipOutputStream(output) { IsStreamOwner = false, UseZip64 = UseZip64.Off };
        _level = fast ? CompressionLevel.Fastest : CompressionLevel.SmallestSize;
        _time = DateTime.SpecifyKind(modified.UtcDateTime, DateTimeKind.Unspecified);
        Add("mimetype", "application/epub+zip"u8.ToArray(), compress: false);
    }

    /// <param name="name">The entry name.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="compress">False for content that is compressed already (JPEG, PNG): storing it saves time and loses nothing.</param>
    public void Add(string name, byte[] content, bool compress = true)
    {
        if (!IsSafeName(name) || !_names.Add(name)) throw new InvalidOperationException($"bad or repeated archive entry name '{name}'");
        var crc = new Crc32();
        crc.Update(content);
        var entry = new ZipEntry(name)
        {
            DateTime = _time,
            CompressionMethod = compress ? CompressionMethod.Deflated : CompressionMethod.Stored,
            Size = content.Length,
            Crc = crc.Value,
        };
        if (!compress)
        {
            entry.CompressedSize = content.Length;
            _zip.PutNextEntry(entry);
            _zip.Write(content, 0, content.Length); // the span overload would copy every image once more
        }
        else
        {
            // Deflated by the runtime's zlib (native; SharpZipLib's own deflater took a quarter of
            // the EPUB's time), then written by SharpZipLib as it is.
            using var deflated = new MemoryStream(content.Length / 2 + 64);
            using (var deflate = new DeflateStream(deflated, _level, leaveOpen: true)) deflate.Write(content);
            entry.CompressedSize = deflated.Length;
            _zip.PutNextPassthroughEntry(entry);
            _zip.Write(deflated.GetBuffer(), 0, (int)deflated.Length);
        }
        _zip.CloseEntry();
    }

    /// <summary>Entry names are generated, but a guard costs nothing: ASCII, relative, no "..".</summary>
    private static bool IsSafeName(string name) =>
        name.Length > 0 && name.All(c => c is >= '!' and <= '~' && c != '\\') && !name.StartsWith('/')
        && !name.Split('/').Any(part => part is "" or "." or "..");

    public void Dispose()
    {
        _zip.Finish();
        _zip.Dispose();
    }
}
