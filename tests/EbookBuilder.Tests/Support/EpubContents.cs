using System.IO.Compression;
using System.Text;

namespace EbookBuilder.Tests.Support;

/// <summary>The entries of a built EPUB, read back for assertions.</summary>
internal sealed class EpubContents
{
    public EpubContents(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        Names = zip.Entries.Select(e => e.FullName).ToList();
        Methods = zip.Entries.ToDictionary(e => e.FullName, e => e.CompressedLength == e.Length);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            Texts[entry.FullName] = reader.ReadToEnd();
        }
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether an entry's compressed size equals its size (stored).</summary>
    public IReadOnlyDictionary<string, bool> Methods { get; }

    public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);

    /// <summary>The XHTML of article <paramref name="article"/> (0-based) of chapter <paramref name="chapter"/>.</summary>
    public string Article(int chapter, int article) => Texts[$"OEBPS/text/c{chapter + 1:D3}-a{article + 1:D4}.xhtml"];
}
