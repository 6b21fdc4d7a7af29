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

    /// <summary>
    /// Why a build cannot use <paramref name="root"/> as its cache, or null: a folder that is not
    /// marked as a cache and holds files the cache did not make is never written in.
    /// </summary>
    public static string? Unusable(string root) => ImageCache.Foreign(root);

    /// <summary>The entries under <paramref name="root"/> (none when the folder does not exist).</summary>
    public static Summary Summarize(string root)
    {
        int Count(string kind, string suffix) => CacheLayout.Files(root, kind).Count(f => !CacheLayout.IsTemp(f.Name) && f.Name.EndsWith(suffix, StringComparison.Ordinal));
        var bytes = CacheLayout.Kinds.SelectMany(k => CacheLayout.Files(root, k)).Sum(f => f.Length);
        return new Summary(root, Count(Urls, ""), Count(Prepared, MetaExtension), Count(Covers, ""), bytes);
    }

    /// <summary>
    /// Removes the entries no build has used for <paramref name="unused"/> (all of them for
    /// <see cref="TimeSpan.Zero"/>), the stored files no remaining entry names, and files a
    /// stopped build left half-written. Only what the cache made is removed
    /// (<see cref="CacheLayout"/>), and only in a folder that carries the cache's marker.
    /// </summary>
    /// <exception cref="NotACacheException">The folder exists and is not marked as a cache.</exception>
    public static Removed Prune(string root, TimeSpan unused, DateTime? now = null)
    {
        if (!Directory.Exists(root)) return new Removed(0, 0, 0);
        if (!CacheLayout.IsMarked(root)) throw new NotACacheException(root);
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
        List<FileInfo> Entries(string kind, Func<FileInfo, bool> which) =>
            CacheLayout.Files(root, kind).Where(f => !CacheLayout.IsTemp(f.Name) && which(f)).ToList();

        foreach (var temp in CacheLayout.Kinds.SelectMany(k => CacheLayout.Files(root, k)).Where(f => CacheLayout.IsTemp(f.Name) && f.LastWriteTimeUtc < tempCutoff).ToList())
            Delete(temp);

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in PointerKinds)
        {
            foreach (var pointer in Entries(kind, _ => true))
            {
                if (pointer.LastWriteTimeUtc < cutoff)
                {
                    Delete(pointer);
                    entries++;
                }
                else if (pointer.Length <= 256) named.Add(File.ReadAllText(pointer.FullName).Trim());
            }
        }
        // A conversion's description is marked when it is used; its bytes go with it.
        var prepared = Entries(Prepared, _ => true).ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var meta in prepared.Values.Where(f => f.Extension == MetaExtension && f.LastWriteTimeUtc < cutoff).ToList())
        {
            if (prepared.Remove(Path.ChangeExtension(meta.Name, DataExtension), out var data)) Delete(data);
            prepared.Remove(meta.Name);
            Delete(meta);
            entries++;
        }
        foreach (var data in prepared.Values.Where(f => f.Extension == DataExtension && !prepared.ContainsKey(Path.ChangeExtension(f.Name, MetaExtension)) && f.LastWriteTimeUtc < cutoff).ToList())
            Delete(data);
        // A stored file is kept while an entry names it; one written just now may be a build's, its pointer to come.
        foreach (var blob in Entries(Blobs, f => !named.Contains(f.Name) && f.LastWriteTimeUtc < cutoff))
            Delete(blob);

        foreach (var kind in CacheLayout.Kinds)
        {
            foreach (var shard in CacheLayout.Shards(root, kind).Where(d => !Directory.EnumerateFileSystemEntries(d).Any()))
                Directory.Delete(shard);
        }
        return new Removed(entries, files, bytes);
    }
}

/// <summary>A folder given as the image cache that does not carry the cache's marker: nothing in it is removed.</summary>
public sealed class NotACacheException(string root) : IOException(
    $"{root} is not an EbookBuilder image cache (it has no {CacheLayout.MarkerName}), so nothing in it was removed. "
    + $"If it is a cache made by an older EbookBuilder, build once with --cache-dir {root}, which marks it; otherwise give the cache's folder with --cache-dir");
