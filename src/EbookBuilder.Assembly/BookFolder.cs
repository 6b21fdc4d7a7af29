using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Text;

namespace EbookBuilder.Assembly;

/// <summary>
/// The folder a book may read from. Every file the build reads from the book (articles, index
/// link targets, glob matches, local images, the cover, fonts a book file names) is checked where
/// it really leads, links followed (<see cref="RealPath"/>): what leads outside the folder is
/// refused, so a crafted index or a symlink cannot put ~/.ssh or /etc/passwd into a book; a link
/// whose target stays inside is fine. Only regular files are read (never a FIFO, device or socket).
/// For command-line inputs the folder is the one the inputs really share, where an index file
/// counts for the folder above its own (the mirror layout: indexes/ beside pages/).
/// </summary>
public static class BookFolder
{
    /// <summary>A path checked against the book folder: where it really leads, what is there, and why it is refused (null when it may be read).</summary>
    public readonly record struct Checked(string Real, FileKind Kind, string? Refusal, bool Outside = false)
    {
        public bool Allowed => Refusal is null;

        /// <summary>The diagnostic code of a refusal: outside the book (EB014), else unreadable (EB003).</summary>
        public string Code => Outside ? DiagnosticCodes.OutsideBook : DiagnosticCodes.FileUnreadable;
    }

    /// <summary>
    /// Checks that <paramref name="path"/> leads, links followed, to a regular file (or, when
    /// <paramref name="folderAllowed"/>, a folder) inside <paramref name="root"/>. Read
    /// <see cref="Checked.Real"/>, not the path as written: that is the file that was checked.
    /// </summary>
    public static Checked Check(string root, string path, bool folderAllowed = false)
    {
        string real;
        try
        {
            real = RealPath.Of(path);
        }
        catch (IOException e)
        {
            return new Checked(Path.GetFullPath(path), FileKind.Missing, e.Message);
        }
        var kind = RealPath.KindOf(real);
        if (!RealPath.IsInside(RealPath.Of(root), real))
        {
            var via = real == Path.GetFullPath(path) ? "" : $" (through a link, to {real})";
            return new Checked(real, kind, $"leads outside the book's folder {root}{via}; it is not read", Outside: true);
        }
        return kind switch
        {
            FileKind.Regular => new Checked(real, kind, null),
            FileKind.Directory when folderAllowed => new Checked(real, kind, null),
            FileKind.Directory => new Checked(real, kind, "is a folder, not a file"),
            FileKind.Special => new Checked(real, kind, "is not a regular file (a pipe, a device or a socket, which is never read)"),
            _ => new Checked(real, kind, "does not exist"),
        };
    }

    /// <summary>The book folder of command-line inputs, links followed.</summary>
    public static string ForInputs(IEnumerable<string> inputs)
    {
        string? common = null;
        foreach (var input in inputs)
        {
            var full = RealPath.Of(input);
            var folder = Directory.Exists(full) ? full
                : IsIndex(full) ? ForIndex(full)
                : Path.GetDirectoryName(full)!;
            common = common is null ? folder : Common(common, folder);
        }
        return common ?? Directory.GetCurrentDirectory();
    }

    /// <summary>The folder an index file may link into: the one above its own.</summary>
    public static string ForIndex(string indexPath)
    {
        var folder = Path.GetDirectoryName(RealPath.Of(indexPath))!;
        return Path.GetDirectoryName(folder) ?? folder;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or inside it, links followed.</summary>
    public static bool Contains(string root, string path) => RealPath.IsInside(RealPath.Of(root), RealPath.Of(path));

    private static bool IsIndex(string file) => File.Exists(file) && IndexFile.TryRead(file, out _);

    /// <summary>The deepest folder holding both <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static string Common(string a, string b)
    {
        var pa = a.Split(Path.DirectorySeparatorChar);
        var pb = b.Split(Path.DirectorySeparatorChar);
        var n = 0;
        while (n < pa.Length && n < pb.Length && pa[n] == pb[n]) n++;
        var joined = string.Join(Path.DirectorySeparatorChar, pa.Take(n));
        return joined.Length == 0 ? Path.DirectorySeparatorChar.ToString() : joined;
    }
}
