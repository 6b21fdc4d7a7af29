using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EbookBuilder.Images.Converting;
using EbookBuilder.Model.Text;

namespace EbookBuilder.Images.Caching;

/// <summary>
/// A persistent, content-addressed cache. Downloads are stored once by the SHA-256 of their bytes
/// (blobs/), found by URL through a small pointer file (urls/), and so are drawn covers, found by
/// the hash of what they are drawn from (covers/); conversions are stored by the source hash and
/// the conversion settings (prepared/). Every entry is written atomically and verified on read: a
/// corrupt or truncated entry is a miss, and is fetched, converted or drawn again. A hit marks the
/// entry as used (its modification time), for <see cref="CacheFolder.Prune"/>.
/// A cache that cannot be written is no reason to fail a build: it just stops caching.
/// An entry is read only when it is a regular file (not a link, a device or a FIFO that a
/// tampered cache put in its place) no larger than what was stored (<paramref name="maxBytes"/>).
/// The cache writes only into a folder it made or marked (<see cref="CacheLayout.Claim"/>).
/// </summary>
internal sealed class ImageCache(string root, long maxBytes = ImageCache.DefaultMaxBytes)
{
    /// <summary>The largest entry read when no limit is given: the default image download limit.</summary>
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    /// <summary>The most a pointer file or a conversion's description may be.</summary>
    private const long SmallEntry = 64 * 1024;

    // The folder's layout, which CacheFolder walks to prune it.
    internal const string Urls = "urls", Covers = "covers", Blobs = "blobs", Prepared = "prepared";
    internal const string MetaExtension = ".json", DataExtension = ".bin", TempExtension = ".tmp";

    private volatile bool _disabled;
    private int _claimed; // 0 not yet, 1 the folder is the cache's
    private readonly Lock _claimLock = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    /// <summary>Why the folder is not used at all (it is not a cache and holds other files), or null.</summary>
    private readonly string? _foreign = Foreign(root);

    /// <summary>Why <paramref name="root"/> cannot be a cache (it is not a folder, or it holds files the cache did not make), or null.</summary>
    internal static string? Foreign(string root) =>
        CacheLayout.IsMarked(root) || RealPath.KindOf(root) == FileKind.Missing ? null
        : RealPath.KindOf(root) != FileKind.Directory ? $"{root} is not a folder"
        : Directory.EnumerateFileSystemEntries(root).Any(e => !CacheLayout.IsOwnTopEntry(e))
            ? $"{root} is not an image cache: it has no {CacheLayout.MarkerName} and holds other files"
            : null;

    /// <summary>
    /// Why the cache stopped writing (a full disk, a read-only folder), if it did: the build goes
    /// on with its images in memory, and the next build fetches them again.
    /// </summary>
    public string? Unwritable { get; private set; }

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    /// <summary>The hash of the bytes downloaded from <paramref name="url"/>, if they are in the cache.</summary>
    public string? TryGetSourceHash(string url) =>
        Pointer(Urls, Hash(url)) is { } hash && IsEntry(Entry(Blobs, hash), maxBytes) ? hash : null;

    /// <summary>The bytes downloaded from <paramref name="url"/>, verified, if they are in the cache.</summary>
    public byte[]? TryGetSource(string url) => TryGetSourceHash(url) is { } hash ? TryGetBlob(hash) : null;

    public void PutSource(string url, byte[] bytes) => PutBlob(Urls, Hash(url), bytes);

    /// <summary>A drawn cover, found by the hash of everything it is drawn from (covers/), verified like a download.</summary>
    public byte[]? TryGetCover(string drawingKey) => Pointer(Covers, drawingKey) is { } hash ? TryGetBlob(hash) : null;

    public void PutCover(string drawingKey, byte[] jpeg) => PutBlob(Covers, drawingKey, jpeg);

    /// <summary>Stores <paramref name="bytes"/> by their hash (blobs/) and a pointer to them under <paramref name="kind"/>.</summary>
    private void PutBlob(string kind, string pointerName, byte[] bytes)
    {
        var hash = Hash(bytes);
        Write(Entry(Blobs, hash), bytes);
        Write(Entry(kind, pointerName), Encoding.ASCII.GetBytes(hash));
    }

    /// <summary>The blob hash a pointer file names, if it is there and well-formed.</summary>
    private string? Pointer(string kind, string name)
    {
        var pointer = Entry(kind, name);
        try
        {
            if (!IsEntry(pointer, SmallEntry)) return null;
            var hash = System.Text.Encoding.ASCII.GetString(InputFile.ReadBytes(pointer, SmallEntry)).Trim();
            if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower)) return null;
            Touch(pointer);
            return hash;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private byte[]? TryGetBlob(string hash)
    {
        try
        {
            var blob = Entry(Blobs, hash);
            if (!IsEntry(blob, maxBytes)) return null;
            var bytes = InputFile.ReadBytes(blob, maxBytes);
            if (Hash(bytes) == hash) return bytes;
            File.Delete(blob); // corrupt: forget it, make it again
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// A converted image, verified, with the file that holds its bytes. The bytes are hashed as
    /// they are read and not kept: the writers read the file again when they need it.
    /// </summary>
    public CachedImage? TryGetPrepared(string sourceHash, string conversionKey)
    {
        var key = Hash(sourceHash + "\n" + conversionKey);
        var metaPath = Entry(Prepared, key + MetaExtension);
        var dataPath = Entry(Prepared, key + DataExtension);
        if (!IsEntry(metaPath, SmallEntry) || !IsEntry(dataPath, maxBytes)) return null;
        try
        {
            var meta = JsonSerializer.Deserialize(InputFile.ReadBytes(metaPath, SmallEntry), CacheJson.Default.PreparedMeta);
            using var data = new FileStream(dataPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
            var length = data.Length;
            if (meta is null || (meta.Length is { } stored && stored != length) || Convert.ToHexStringLower(SHA256.HashData(data)) != meta.Sha256) return null;
            Touch(metaPath);
            return new CachedImage(dataPath, length, meta.MediaType, meta.Extension, meta.Width, meta.Height, meta.Reencoded, meta.Sha256);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Stores a converted image; returns the file that holds its bytes, or null when the cache cannot be written.</summary>
    public string? PutPrepared(string sourceHash, string conversionKey, PreparedImage image)
    {
        var key = Hash(sourceHash + "\n" + conversionKey);
        var data = Entry(Prepared, key + DataExtension);
        var stored = Write(data, image.Bytes);
        var meta = new PreparedMeta(image.MediaType, image.Extension, image.Width, image.Height, image.Reencoded, image.Sha256, image.Bytes.Length);
        Write(Entry(Prepared, key + MetaExtension), JsonSerializer.SerializeToUtf8Bytes(meta, CacheJson.Default.PreparedMeta));
        return stored ? data : null;
    }

    private string Entry(string kind, string name) => Path.Combine(root, kind, name[..2], name);

    /// <summary>
    /// Whether an entry may be read: the cache is the folder's, and the entry is a regular file
    /// (not a link) within <paramref name="limit"/>. A tampered entry (a link to /dev/zero took
    /// 4.1 GB and the build) is a miss, and is fetched or made again.
    /// </summary>
    private bool IsEntry(string path, long limit)
    {
        if (_foreign is not null || RealPath.KindOfEntry(path) != FileKind.Regular) return false;
        try
        {
            return new FileInfo(path).Length <= limit;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Marks an entry as used now (its modification time): <see cref="CacheFolder.Prune"/> removes
    /// what a build has not used for a while. A cache that cannot be written is still read.
    /// </summary>
    private void Touch(string path)
    {
        if (_disabled) return;
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Unwritable ??= e.Message;
            _disabled = true;
        }
    }

    private bool Write(string path, byte[] bytes)
    {
        if (_disabled) return false;
        if (_foreign is not null)
        {
            Unwritable ??= _foreign + "; the cache writes only in a folder it made";
            _disabled = true;
            return false;
        }
        var temp = $"{path}.{Guid.NewGuid():N}{TempExtension}";
        try
        {
            if (Volatile.Read(ref _claimed) == 0)
            {
                // Once, by one thread: two writers claiming at once saw each other's half-made folder as foreign.
                lock (_claimLock)
                {
                    if (_claimed == 0)
                    {
                        if (CacheLayout.Claim(root) is { } why)
                        {
                            Unwritable ??= why;
                            _disabled = true;
                            return false;
                        }
                        Volatile.Write(ref _claimed, 1);
                    }
                }
                if (_disabled) return false;
            }
            // Each folder is made once per build (a cold build's 2,400 writes made 2,400 mkdir calls);
            // one removed under a running build is made again.
            var folder = Path.GetDirectoryName(path)!;
            if (!_folders.ContainsKey(folder))
            {
                Directory.CreateDirectory(folder);
                _folders.TryAdd(folder, 0);
            }
            try
            {
                File.WriteAllBytes(temp, bytes);
            }
            catch (DirectoryNotFoundException)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(temp, bytes);
            }
            File.Move(temp, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Unwritable ??= e.Message.Replace(temp, path, StringComparison.Ordinal);
            _disabled = true;
            try { File.Delete(temp); } catch (IOException) { }
            return false;
        }
    }
}

/// <summary>A conversion's description, stored beside its bytes.</summary>
internal sealed record PreparedMeta(string MediaType, string Extension, int Width, int Height, bool Reencoded, string Sha256, long? Length = null);

/// <summary>A conversion found in the cache: the file that holds its bytes (verified), and what they are.</summary>
internal sealed record CachedImage(string File, long Length, string MediaType, string Extension, int Width, int Height, bool Reencoded, string Sha256);

/// <summary>The cache's JSON, generated at compile time (no reflection when the first entry is read).</summary>
[JsonSerializable(typeof(PreparedMeta))]
internal sealed partial class CacheJson : JsonSerializerContext;
