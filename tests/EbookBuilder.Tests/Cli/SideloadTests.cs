using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Cli;

/// <summary>
/// <c>ebook sideload</c> on fake reader trees: each reader gets the format it takes, in its book
/// folder (a Kindle AZW3 in documents/, a Kobo KEPUB, KOReader and others EPUB), made from the
/// EPUB when it was not built; nothing half-written, nothing outside the reader.
/// </summary>
public sealed class SideloadTests
{
    private static readonly string Cat1 = TestPaths.Fixture("book", "pages", "cat1");

    private static TempFolder Devices(out string media)
    {
        var temp = new TempFolder();
        media = temp.File("media");
        Directory.CreateDirectory(Path.Combine(media, "Kindle", "documents"));
        Directory.CreateDirectory(Path.Combine(media, "Kindle", "system", "thumbnails"));
        Directory.CreateDirectory(Path.Combine(media, "KOBOeReader", ".kobo"));
        Directory.CreateDirectory(Path.Combine(media, "USBSTICK", "photos")); // not a reader
        return temp;
    }

    private static void Build(TempFolder temp, string formats)
    {
        var (code, _, stderr) = CliRun.Invoke("build", Cat1, "--name", "周刊", "-f", formats, "-o", temp.File("out"), "--no-images", "-q");
        Assert.True(code == 0, stderr);
    }

    [SkippableFact]
    public void Each_reader_found_gets_the_format_it_takes_made_from_the_epub_when_only_the_epub_was_built()
    {
        using var temp = Devices(out var media);
        Build(temp, "epub");
        var (code, stdout, stderr) = CliRun.Invoke("sideload", temp.File("out/周刊.epub"), "--mounts", media);
        Assert.True(code == 0, stderr);

        var azw3 = Path.Combine(media, "Kindle", "documents", "周刊.azw3");
        Assert.True(File.Exists(azw3), stdout);
        Assert.Equal("BOOKMOBI", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(azw3), 60, 8));
        var kepub = Path.Combine(media, "KOBOeReader", "周刊.kepub.epub");
        Assert.True(File.Exists(kepub), stdout);
        Assert.Contains("koboSpan", string.Concat(new EpubContents(kepub).Texts.Values));
        Assert.Equal(["photos"], Directory.GetFileSystemEntries(Path.Combine(media, "USBSTICK")).Select(Path.GetFileName));
        Assert.Contains("Kindle at " + Path.Combine(media, "Kindle") + ": documents/周刊.azw3 (made from 周刊.epub)", stdout);
        Assert.Contains("Kobo at " + Path.Combine(media, "KOBOeReader") + ": 周刊.kepub.epub (made from 周刊.epub)", stdout);
        Assert.Empty(Directory.GetFiles(media, "*.part", SearchOption.AllDirectories));
        // The Kindle's library shows the cover from its thumbnail folder, named by the book's ASIN.
        var thumbnail = Assert.Single(Directory.GetFiles(Path.Combine(media, "Kindle", "system", "thumbnails")));
        Assert.Matches("thumbnail_[0-9a-f-]{36}_EBOK_portrait\\.jpg$", thumbnail);
        Assert.Equal([0xFF, 0xD8], File.ReadAllBytes(thumbnail)[..2]);
        if (EpubCheck.Available)
        {
            var check = EpubCheck.Check(kepub);
            Assert.True(check.Errors + check.Fatals == 0, check.ToString());
        }
    }

    [Fact]
    public void The_formats_built_are_copied_as_they_are()
    {
        using var temp = Devices(out var media);
        Build(temp, "epub,azw3,kepub");
        var files = new[] { "周刊.epub", "周刊.azw3", "周刊.kepub.epub" }.Select(f => temp.File("out/" + f)).ToArray();
        var (code, _, stderr) = CliRun.Invoke(["sideload", .. files, "--mounts", media]);
        Assert.True(code == 0, stderr);
        Assert.Equal(File.ReadAllBytes(temp.File("out/周刊.azw3")), File.ReadAllBytes(Path.Combine(media, "Kindle", "documents", "周刊.azw3")));
        Assert.Equal(File.ReadAllBytes(temp.File("out/周刊.kepub.epub")), File.ReadAllBytes(Path.Combine(media, "KOBOeReader", "周刊.kepub.epub")));
        Assert.Single(Directory.GetFiles(Path.Combine(media, "Kindle", "documents")));
    }

    [Fact]
    public void A_koreader_or_any_reader_given_with_device_gets_the_epub_in_its_books_folder()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("pocketbook/applications/koreader"));
        Directory.CreateDirectory(temp.File("pocketbook/Books"));
        Directory.CreateDirectory(temp.File("plain"));
        Build(temp, "epub");
        var (code, stdout, stderr) = CliRun.Invoke("sideload", temp.File("out/周刊.epub"), "--device", temp.File("pocketbook"), "--device", temp.File("plain"));
        Assert.True(code == 0, stderr);
        Assert.Equal(File.ReadAllBytes(temp.File("out/周刊.epub")), File.ReadAllBytes(temp.File("pocketbook/Books/周刊.epub")));
        Assert.True(File.Exists(temp.File("plain/周刊.epub")), stdout);
        Assert.Contains("KOReader at", stdout);
    }

    [Fact]
    public void No_reader_found_is_an_error_that_says_how_to_name_one()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("media/USBSTICK"));
        Build(temp, "epub");
        var (code, _, stderr) = CliRun.Invoke("sideload", temp.File("out/周刊.epub"), "--mounts", temp.File("media"));
        Assert.Equal(1, code);
        Assert.Contains("no e-reader found under " + temp.File("media"), stderr);
        Assert.Contains("--device PATH", stderr);
    }

    [Fact]
    public void A_book_folder_or_target_that_is_a_link_is_refused_and_nothing_is_written_through_it()
    {
        using var temp = new TempFolder();
        var outside = temp.File("home");
        Directory.CreateDirectory(outside);
        Directory.CreateDirectory(temp.File("media/Kindle/system"));
        Directory.CreateSymbolicLink(temp.File("media/Kindle/documents"), outside);
        Build(temp, "epub,azw3");
        var (code, _, stderr) = CliRun.Invoke("sideload", temp.File("out/周刊.azw3"), "--mounts", temp.File("media"));
        Assert.Equal(1, code);
        Assert.Contains("leads outside the reader", stderr);
        Assert.Empty(Directory.GetFileSystemEntries(outside));

        // A link where the book would go is not written through either.
        Directory.Delete(temp.File("media/Kindle/documents"));
        Directory.CreateDirectory(temp.File("media/Kindle/documents"));
        File.WriteAllText(temp.File("home/secret.txt"), "mine");
        File.CreateSymbolicLink(temp.File("media/Kindle/documents/周刊.azw3"), temp.File("home/secret.txt"));
        (code, _, stderr) = CliRun.Invoke("sideload", temp.File("out/周刊.azw3"), "--mounts", temp.File("media"));
        Assert.Equal(1, code);
        Assert.Contains("is not a regular file", stderr);
        Assert.Equal("mine", File.ReadAllText(temp.File("home/secret.txt")));
    }

    [Fact]
    public void Dry_run_lists_the_readers_and_copies_nothing()
    {
        using var temp = Devices(out var media);
        Build(temp, "epub");
        var (code, stdout, stderr) = CliRun.Invoke("sideload", temp.File("out/周刊.epub"), "--mounts", media, "--dry-run");
        Assert.True(code == 0, stderr);
        Assert.Contains("Kindle at " + Path.Combine(media, "Kindle") + ": books go to " + Path.Combine(media, "Kindle", "documents") + ", as azw3 or pdf", stdout);
        Assert.Empty(Directory.GetFiles(media, "*", SearchOption.AllDirectories));
        Assert.Contains("Kobo at " + Path.Combine(media, "KOBOeReader") + ": books go to", stdout);
    }
}
