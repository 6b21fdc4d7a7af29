using System.Text;
using System.Text.RegularExpressions;
using EbookBuilder.Model.Text;

namespace EbookBuilder.Images.Caching;

/// <summary>
/// The names the image cache makes, and nothing else: a marker file (CACHEDIR.TAG, the Cache
/// Directory Tagging convention, which backup tools also honour) written when the cache is made,
/// four folders of two-hex-digit shards, entries named by SHA-256 hashes (with .json/.bin for
/// conversions) and temporary files named after them. Pruning walks only these names, never
/// through a link, so a cache folder pointed at a home folder, or holding a link out, loses
/// nothing that the cache did not make.
/// </summary>
internal static partial class CacheLayout
{
    /// <summary>The marker file's name.</summary>
    public const string MarkerName = "CACHEDIR.TAG";

    private const string Signature = "Signature: 8a477f597d28d172789f06886806bc55";

    private const string MarkerText = Signature + "\n"
        + "# This file marks an EbookBuilder image cache (see https://bford.info/cachedir/).\n"
        + "# `ebook cache prune` and `ebook cache clear` remove only the entries EbookBuilder made here.\n";

    /// <summary>The entry folders.</summary>
    public static readonly string[] Kinds = [ImageCache.Urls, ImageCache.Covers, ImageCache.Blobs, ImageCache.Prepared];

    [GeneratedRegex("^[0-9a-f]{2}$")]
    private static partial Regex ShardName();

    [GeneratedRegex(@"^[0-9a-f]{64}(\.json|\.bin)?$")]
    private static partial Regex EntryName();

    [GeneratedRegex(@"^[0-9a-f]{64}(\.json|\.bin)?\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex TempName();

    /// <summary>
    /// Whether <paramref name="root"/> carries this program's marker: a regular file (not a link)
    /// with the convention's signature and our name (another program's cache has the signature too).
    /// </summary>
    public static bool IsMarked(string root)
    {
        var marker = Path.Combine(root, MarkerName);
        if (RealPath.KindOfEntry(marker) != FileKind.Regular) return false;
        try
        {
            Span<byte> head = stackalloc byte[512];
            var text = Encoding.UTF8.GetString(head[..InputFile.ReadPrefix(marker, head)]);
            return text.StartsWith(Signature, StringComparison.Ordinal) && text.Contains("EbookBuilder", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Makes <paramref name="root"/> a cache, or finds it is one: a marked folder is; a missing or
    /// empty folder, or one that holds only the entry folders (a cache made before the marker), is
    /// marked now. Any other folder is not the cache's to write in: the reason, else null.
    /// </summary>
    /// <exception cref="IOException">The folder or its marker cannot be written.</exception>
    public static string? Claim(string root)
    {
        if (IsMarked(root)) return null;
        switch (RealPath.KindOf(root))
        {
            case FileKind.Missing:
                break;
            case FileKind.Directory:
                // An entry gone between the listing and its check (another build's marker being renamed
                // into place) was not another program's file.
                var foreign = Directory.EnumerateFileSystemEntries(root).FirstOrDefault(e => !IsOwnTopEntry(e) && RealPath.KindOfEntry(e) != FileKind.Missing);
                if (foreign is not null)
                    return $"{root} is not an image cache: it has no {MarkerName} and holds other files ({Path.GetFileName(foreign)})";
                break;
            default:
                return $"{root} is not a folder";
        }
        Directory.CreateDirectory(root);
        // Written whole, then renamed: another build making the same cache sees the marker or nothing.
        var marker = Path.Combine(root, MarkerName);
        var temp = $"{marker}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, MarkerText);
        try
        {
            File.Move(temp, marker, overwrite: false);
        }
        catch (IOException) when (IsMarked(root))
        {
            File.Delete(temp); // another build marked it first
        }
        return null;
    }

    /// <summary>
    /// Whether a top-level entry is one the cache makes: an entry folder, the marker, or a marker
    /// being written (by a build making the same cache at the same time).
    /// </summary>
    internal static bool IsOwnTopEntry(string entry)
    {
        var name = Path.GetFileName(entry);
        if (Kinds.Contains(name)) return RealPath.KindOfEntry(entry) == FileKind.Directory;
        return (name == MarkerName || (name.StartsWith(MarkerName + ".", StringComparison.Ordinal) && name.EndsWith(".tmp", StringComparison.Ordinal)))
            && RealPath.KindOfEntry(entry) == FileKind.Regular;
    }

    /// <summary>Whether <paramref name="name"/> is a temporary file's.</summary>
    public static bool IsTemp(string name) => TempName().IsMatch(name);

    /// <summary>
    /// The files of one entry folder the cache made: regular files (never links) named by a hash
    /// or as its temporary files, in shard folders (never links) named by the hash's first two digits.
    /// </summary>
    public static IEnumerable<FileInfo> Files(string root, string kind)
    {
        foreach (var shard in Shards(root, kind))
        {
            foreach (var file in new DirectoryInfo(shard).EnumerateFiles())
            {
                if ((EntryName().IsMatch(file.Name) || TempName().IsMatch(file.Name))
                    && file.Name.StartsWith(Path.GetFileName(shard), StringComparison.Ordinal)
                    && RealPath.KindOfEntry(file.FullName) == FileKind.Regular)
                {
                    yield return file;
                }
            }
        }
    }

    /// <summary>The shard folders of an entry folder (none when it is missing or a link).</summary>
    public static IEnumerable<string> Shards(string root, string kind)
    {
        var folder = Path.Combine(root, kind);
        if (RealPath.KindOfEntry(folder) != FileKind.Directory) return [];
        return Directory.EnumerateDirectories(folder)
            .Where(d => ShardName().IsMatch(Path.GetFileName(d)) && RealPath.KindOfEntry(d) == FileKind.Directory)
            .ToList();
    }
}
