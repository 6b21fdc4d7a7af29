using static EbookBuilder.Images.Caching.ImageCache;

namespace EbookBuilder.Images.Caching;

/// <summary>
/// What an image cache folder holds, and removing what builds have stopped using (<c>ebook cache</c>).
/// A build marks each entry it uses (downloads by URL, conversions, drawn covers) with the time;
/// an entry unused for longer than asked is removed, and so is a stored file no remaining entry
/// names. A weekly digest keeps what it uses every week; last year's images go.
/// </summary>
public static class CacheFolder
{
    /// <summary>Pointer folders: a file named by a key that holds the hash of a stored file (blobs/).</summary>
    private static readonly string[] PointerKinds = [Urls, Covers];

    /// <summary>Files a build was writing when it stopped, left behind: gone after this long.</summary>
    private static readonly TimeSpan Abandoned = TimeSpan.FromHours(1);

    /// <summary>How many entries of each kind the cache holds, and its size on disk.</summary>
    public sealed record Summary(string Root, int Downloads, int Conversions, int Covers, long Bytes);

    /// <summary>What a prune removed.</summary>
    public sealed record Removed(int Entries, int Files, long Bytes);

    /// <summary>The entries under <paramref name="root"/> (none when the folder does not exist).</summary>
    public static Summary Summarize(string root)
    {
        int Count(string kind, string pattern) => Files(root, kind, pattern).Count(f => f.Extension != TempExtension);
        var bytes = Directory.Exists(root)
            ? new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
            : 0;
        return new Summary(root, Count(Urls, "*"), Count(Prepared, "*" + MetaExtension), Count(Covers, "*"), bytes);
    }

    /// <summary>
    /// Removes the entries no build has used for <paramref name="unused"/> (all of them for
    /// <see cref="TimeSpan.Zero"/>), the stored files no remaining entry names, and files a
    /// stopped build left half-written.
    /// </summary>
    public static Removed Prune(string root, TimeSpan unused, DateTime? now = null)
    {
        var cutoff = (now ?? DateTime.UtcNow) - unused;
        var tempCutoff = (now ?? DateTime.UtcNow) - Abandoned;
        int entries = 0, files = 0;
        long bytes = 0;
        void Delete(FileInfo file)
        {
            var length = file.Length;
            file.Delete();
            files++;
            bytes += length;
        }

        foreach (var temp in Files(root, null, "*" + TempExtension).Where(f => f.LastWriteTimeUtc < tempCutoff).ToList()) Delete(temp);

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in PointerKinds)
        {
            foreach (var pointer in Files(root, kind, "*").Where(f => f.Extension != TempExtension).ToList())
            {
                if (pointer.LastWriteTimeUtc < cutoff)
                {
                    Delete(pointer);
                    entries++;
                }
                else named.Add(File.ReadAllText(pointer.FullName).Trim());
            }
        }
        // A conversion's description is marked when it is used; its bytes go with it.
        foreach (var meta in Files(root, Prepared, "*" + MetaExtension).Where(f => f.LastWriteTimeUtc < cutoff).ToList())
        {
            var data = new FileInfo(Path.ChangeExtension(meta.FullName, DataExtension));
            if (data.Exists) Delete(data);
            Delete(meta);
            entries++;
        }
        foreach (var data in Files(root, Prepared, "*" + DataExtension).Where(f => !File.Exists(Path.ChangeExtension(f.FullName, MetaExtension)) && f.LastWriteTimeUtc < cutoff).ToList())
            Delete(data);
        // A stored file is kept while an entry names it; one written just now may be a build's, its pointer to come.
        foreach (var blob in Files(root, Blobs, "*").Where(f => f.Extension != TempExtension && !named.Contains(f.Name) && f.LastWriteTimeUtc < cutoff).ToList())
            Delete(blob);

        foreach (var kind in PointerKinds.Append(Blobs).Append(Prepared))
        {
            var folder = Path.Combine(root, kind);
            if (!Directory.Exists(folder)) continue;
            foreach (var shard in Directory.EnumerateDirectories(folder).Where(d => !Directory.EnumerateFileSystemEntries(d).Any()).ToList())
                Directory.Delete(shard);
        }
        return new Removed(entries, files, bytes);
    }

    private static IEnumerable<FileInfo> Files(string root, string? kind, string pattern)
    {
        var folder = kind is null ? root : Path.Combine(root, kind);
        return Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles(pattern, SearchOption.AllDirectories) : [];
    }
}
