using System.CommandLine;
using EbookBuilder.Cli;
using EbookBuilder.Images.Caching;
using EbookBuilder.Images.Converting;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Images;

/// <summary>
/// The image cache marks what builds use and <c>ebook cache prune</c> removes what they stopped
/// using: a weekly digest keeps its images, old ones go, and nothing a remaining entry needs.
/// </summary>
public sealed class CacheFolderTests
{
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddDays(-90);

    private static void Age(string root) =>
        Parallel.ForEach(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories), f => File.SetLastWriteTimeUtc(f, LongAgo));

    [Fact]
    public void A_hit_marks_the_entry_used_so_a_prune_keeps_it_and_removes_what_was_not_used()
    {
        using var temp = new TempFolder();
        var root = temp.File("cache");
        var cache = new ImageCache(root);
        cache.PutSource("https://example.org/kept.jpg", [1, 2, 3]);
        cache.PutSource("https://example.org/shared.jpg", [7, 7, 7]);
        cache.PutSource("https://example.org/gone.jpg", [4, 5, 6]);
        cache.PutSource("https://example.org/gone-too.jpg", [7, 7, 7]); // the same bytes as shared.jpg: one stored file
        var image = new PreparedImage([9, 9], "image/jpeg", "jpg", 1, 1, true);
        cache.PutPrepared("kept-source", "key", image);
        cache.PutPrepared("gone-source", "key", image);
        Age(root);

        // This week's build uses two downloads and one conversion.
        Assert.NotNull(cache.TryGetSource("https://example.org/kept.jpg"));
        Assert.NotNull(cache.TryGetSource("https://example.org/shared.jpg"));
        Assert.NotNull(cache.TryGetPrepared("kept-source", "key"));

        var removed = CacheFolder.Prune(root, TimeSpan.FromDays(30));

        Assert.Equal(3, removed.Entries); // two downloads and a conversion
        var after = new ImageCache(root);
        Assert.Equal([1, 2, 3], after.TryGetSource("https://example.org/kept.jpg"));
        Assert.Equal([7, 7, 7], after.TryGetSource("https://example.org/shared.jpg")); // its file is shared with a pruned entry
        Assert.NotNull(after.TryGetPrepared("kept-source", "key"));
        Assert.Null(after.TryGetSource("https://example.org/gone.jpg"));
        Assert.Null(after.TryGetSource("https://example.org/gone-too.jpg"));
        Assert.Null(after.TryGetPrepared("gone-source", "key"));
        // The stored bytes of gone.jpg went with it: three blobs were stored, two are named.
        Assert.Equal(2, Directory.EnumerateFiles(Path.Combine(root, "blobs"), "*", SearchOption.AllDirectories).Count());
        Assert.Equal(new CacheFolder.Summary(root, 2, 1, 0, CacheFolder.Summarize(root).Bytes), CacheFolder.Summarize(root));
    }

    [Fact]
    public void Folders_removed_while_the_cache_is_in_use_are_made_again_and_the_cache_goes_on_writing()
    {
        using var temp = new TempFolder();
        var root = temp.File("cache");
        var cache = new ImageCache(root);
        cache.PutSource("https://example.org/a.jpg", [1]);
        // Someone clears the cache's folders by hand during a build (the README says not to).
        foreach (var folder in Directory.GetDirectories(root)) Directory.Delete(folder, recursive: true);
        cache.PutSource("https://example.org/a.jpg", [1]);
        cache.PutPrepared("a-source", "key", new PreparedImage([9, 9], "image/jpeg", "jpg", 1, 1, true));
        Assert.Null(cache.Unwritable);
        Assert.Equal([1], new ImageCache(root).TryGetSource("https://example.org/a.jpg"));
        Assert.NotNull(new ImageCache(root).TryGetPrepared("a-source", "key"));
    }

    [Fact]
    public void A_stored_file_written_just_now_without_its_entry_yet_is_kept_and_a_stopped_build_s_temporary_file_goes()
    {
        using var temp = new TempFolder();
        var root = temp.File("cache");
        new ImageCache(root).PutSource("https://example.org/a.jpg", [1]);
        File.Delete(Directory.EnumerateFiles(Path.Combine(root, "urls"), "*", SearchOption.AllDirectories).Single()); // a build between blob and pointer
        var leftover = Path.Combine(root, "blobs", "ab", "ab" + new string('c', 62) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        Directory.CreateDirectory(Path.GetDirectoryName(leftover)!);
        File.WriteAllBytes(leftover, [0]);
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddHours(-2));

        var removed = CacheFolder.Prune(root, TimeSpan.FromDays(30));

        Assert.Equal((0, 1), (removed.Entries, removed.Files));
        Assert.False(File.Exists(leftover));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(root, "blobs"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_cache_command_shows_prunes_and_clears_the_folder_it_is_given()
    {
        using var temp = new TempFolder();
        var root = temp.File("cache");
        var cache = new ImageCache(root);
        cache.PutSource("https://example.org/old.jpg", new byte[100_000]);
        Age(root);
        cache.PutSource("https://example.org/new.jpg", [1, 2]);

        string Run(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = CommandLine.Create().Parse(["cache", .. args, "--cache-dir", root]).Invoke(new InvocationConfiguration { Output = output, Error = error });
            Assert.True(code == 0, error.ToString());
            return output.ToString();
        }

        Assert.Contains($"{root}: 2 downloads, 0 conversions, 0 covers", Run());
        Assert.Contains("removed 1 entries (2 files, 0.1 MB)", Run("prune", "--unused-days", "30"));
        Assert.Contains($"{root}: 1 downloads", Run());
        Assert.Contains("removed 1 entries (2 files", Run("clear"));
        Assert.Contains($"{root}: 0 downloads, 0 conversions, 0 covers, 0.0 MB", Run());
    }

    [Fact]
    public void Writers_making_a_new_cache_at_the_same_time_all_store_their_entries()
    {
        // Two builds (two caches) and many threads each: none may take the half-made folder for a foreign one.
        for (var round = 0; round < 30; round++)
        {
            using var temp = new TempFolder();
            var root = temp.File("cache");
            var caches = new[] { new ImageCache(root), new ImageCache(root) };
            using var start = new Barrier(8);
            var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
            {
                start.SignalAndWait(); // all at once, as a build's image workers are
                for (var i = t; i < 32; i += 8) caches[i % 2].PutSource($"https://example.org/{i}.jpg", [(byte)i, 1, 2]);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.All(caches, c => Assert.Null(c.Unwritable));
            var after = new ImageCache(root);
            Assert.All(Enumerable.Range(0, 32), i => Assert.NotNull(after.TryGetSource($"https://example.org/{i}.jpg")));
            Assert.Equal(["CACHEDIR.TAG", "blobs", "urls"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Another_program_s_cache_tag_does_not_make_a_folder_ours()
    {
        using var temp = new TempFolder();
        temp.Write("pip/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by pip.\n");
        temp.Write("pip/blobs/ab/" + new string('a', 64), "pip's file");
        Assert.Throws<NotACacheException>(() => CacheFolder.Prune(temp.File("pip"), TimeSpan.Zero));
        Assert.True(File.Exists(temp.File("pip/blobs/ab/" + new string('a', 64))));
    }
}
