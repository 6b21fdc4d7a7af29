using System.Collections;
using EbookBuilder.Model.Text;

namespace EbookBuilder.Delivery;

/// <summary>The kinds of e-reader a mounted folder can be, by the folders each keeps.</summary>
public enum ReaderKind
{
    /// <summary>A Kindle: <c>documents/</c> and <c>system/</c>; it opens AZW3, not EPUB.</summary>
    Kindle,
    /// <summary>A Kobo: <c>.kobo/</c>; KEPUB gives it page turns, statistics and highlights.</summary>
    Kobo,
    /// <summary>A reader running KOReader (<c>koreader/</c>, <c>.adds/koreader/</c> on a Kobo without Nickel's files, <c>applications/koreader/</c>).</summary>
    KOReader,
    /// <summary>Any other reader that mounts as a disk (given with <c>--device</c>): EPUB.</summary>
    Generic,
}

/// <summary>A mounted reader: what it is, where it is mounted, the folder books go to and the formats it takes, best first.</summary>
public sealed record Reader(ReaderKind Kind, string Root, string Folder, IReadOnlyList<string> Formats)
{
    public string Name => Kind switch { ReaderKind.KOReader => "KOReader", ReaderKind.Generic => "reader", _ => Kind.ToString() };
}

/// <summary>What was put on a reader: the book, the file written and the format (converted or as built).</summary>
public sealed record SideloadedFile(string Source, string Target, string Format, bool Converted, long Bytes);

/// <summary>
/// <c>ebook sideload</c>: finds mounted readers (calibre's device drivers' habits: a Kindle by its
/// <c>documents</c> and <c>system</c> folders, a Kobo by <c>.kobo</c>), picks the format each takes
/// (AZW3 for a Kindle, KEPUB for a Kobo, EPUB otherwise; PDF where nothing else was built), makes it
/// from the EPUB when it was not built, and copies it atomically into the reader's book folder.
/// </summary>
public static class Sideload
{
    /// <summary>Where readers are mounted on Linux (udisks: /media/USER, /run/media/USER), /mnt and macOS's /Volumes.</summary>
    public static IReadOnlyList<string> DefaultMountRoots(IDictionary environment)
    {
        var user = environment["USER"] as string ?? Environment.UserName;
        return [$"/media/{user}", $"/run/media/{user}", "/media", "/mnt", "/Volumes"];
    }

    /// <summary>The readers mounted directly under the mount roots (each folder of a root is a mount point).</summary>
    public static IReadOnlyList<Reader> Find(IEnumerable<string> mountRoots)
    {
        var readers = new List<Reader>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in mountRoots)
        {
            if (RealPath.KindOf(root) != FileKind.Directory) continue;
            IEnumerable<string> folders;
            try
            {
                folders = Directory.GetDirectories(root).Prepend(root);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                continue;
            }
            foreach (var folder in folders)
            {
                if (Identify(folder) is { } reader && seen.Add(RealPath.Of(folder))) readers.Add(reader);
            }
        }
        return readers;
    }

    /// <summary>What the folder is (a reader's root), or null; with <paramref name="generic"/>, any folder is at least a generic reader.</summary>
    public static Reader? Identify(string root, bool generic = false)
    {
        bool Has(string relative) => RealPath.KindOf(Path.Combine(root, relative)) == FileKind.Directory;
        if (Has("documents") && Has("system")) return new Reader(ReaderKind.Kindle, root, Path.Combine(root, "documents"), ["azw3", "pdf"]);
        if (Has(".kobo")) return new Reader(ReaderKind.Kobo, root, root, ["kepub", "epub", "pdf"]);
        var books = Has("Books") ? Path.Combine(root, "Books") : Has("books") ? Path.Combine(root, "books") : root;
        if (Has("koreader") || Has(Path.Combine(".adds", "koreader")) || Has(Path.Combine("applications", "koreader")))
            return new Reader(ReaderKind.KOReader, root, books, ["epub", "kepub", "azw3", "pdf"]);
        return generic ? new Reader(ReaderKind.Generic, root, books, ["epub", "pdf"]) : null;
    }

    /// <summary>A built book's format by its name (book.kepub.epub, book.epub, book.azw3, book.pdf), or null.</summary>
    public static string? FormatOf(string path) =>
        path.EndsWith(".kepub.epub", StringComparison.OrdinalIgnoreCase) ? "kepub"
        : Path.GetExtension(path).ToLowerInvariant() switch { ".epub" => "epub", ".azw3" => "azw3", ".pdf" => "pdf", _ => null };

    /// <summary>The book's name without its format's extension (the files of one book share it).</summary>
    public static string BookName(string path)
    {
        var name = Path.GetFileName(path);
        return FormatOf(path) == "kepub" ? name[..^".kepub.epub".Length] : Path.GetFileNameWithoutExtension(name);
    }

    /// <summary>
    /// Writes a file beside <paramref name="target"/> and renames it over it (never through a link
    /// or over a folder), so that a reader never holds half a file; a failure leaves nothing.
    /// </summary>
    public static void WriteAtomically(string target, Action<Stream> write)
    {
        var kind = RealPath.KindOfEntry(target);
        if (kind is FileKind.Directory or FileKind.Special || (kind != FileKind.Missing && new FileInfo(target).LinkTarget is not null))
            throw new DeliveryException($"{target} is not a regular file; remove it to put the book there");
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.part");
        try
        {
            using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(output);
                output.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static string Extension(string format) => format == "kepub" ? ".kepub.epub" : "." + format;

    /// <summary>
    /// Puts each book (the files of one name are one book) on the reader in the best format it
    /// takes: a file built in it, else one made from the book's EPUB by <paramref name="convert"/>
    /// (source, format, output), else the next format. Each copy is written beside its target and
    /// renamed over it, so a reader never holds half a book.
    /// </summary>
    public static IReadOnlyList<SideloadedFile> Copy(Reader reader, IReadOnlyList<string> files, Action<string, string, Stream> convert, CancellationToken cancellationToken = default)
    {
        foreach (var file in files)
        {
            if (FormatOf(file) is null) throw new DeliveryException($"{file}: not a book this command knows (EPUB, KEPUB, AZW3 or PDF)");
            if (RealPath.KindOf(file) != FileKind.Regular) throw new DeliveryException($"{file}: no such file");
        }
        var folder = reader.Folder;
        if (RealPath.KindOf(folder) != FileKind.Directory)
            throw new DeliveryException($"{reader.Name} at {reader.Root}: its book folder {folder} is missing; is the reader mounted?");
        if (!RealPath.IsInside(RealPath.Of(reader.Root), RealPath.Of(folder)))
            throw new DeliveryException($"{reader.Name} at {reader.Root}: {folder} leads outside the reader (a link); nothing was copied");

        var done = new List<SideloadedFile>();
        foreach (var book in files.GroupBy(BookName, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var byFormat = book.GroupBy(f => FormatOf(f)!).ToDictionary(g => g.Key, g => g.First());
            string? source = null, format = null;
            var converted = false;
            foreach (var wanted in reader.Formats)
            {
                if (byFormat.TryGetValue(wanted, out var built)) { source = built; format = wanted; break; }
                if (wanted is "azw3" or "kepub" && byFormat.TryGetValue("epub", out var epub)) { source = epub; format = wanted; converted = true; break; }
            }
            if (source is null || format is null)
                throw new DeliveryException($"{book.Key}: a {reader.Name} takes {string.Join(", ", reader.Formats)}; build one of them (ebook build -f {reader.Formats[0]}) or the EPUB");

            var target = Path.Combine(folder, book.Key + Extension(format));
            WriteAtomically(target, output =>
            {
                if (converted) convert(source, format, output);
                else
                {
                    using var input = File.OpenRead(source);
                    input.CopyTo(output);
                }
            });
            done.Add(new SideloadedFile(source, target, format, converted, new FileInfo(target).Length));
        }
        return done;
    }
}
