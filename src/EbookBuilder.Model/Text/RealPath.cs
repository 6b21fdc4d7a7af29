using System.Runtime.InteropServices;

namespace EbookBuilder.Model.Text;

/// <summary>What a path leads to, links followed.</summary>
public enum FileKind
{
    /// <summary>Nothing (or a link to nothing).</summary>
    Missing,
    /// <summary>A regular file.</summary>
    Regular,
    /// <summary>A folder.</summary>
    Directory,
    /// <summary>A FIFO, a device or a socket: never read, never written over.</summary>
    Special,
}

/// <summary>
/// Paths as the kernel resolves them. A path is checked where it really leads: every link in it
/// is followed, and "..", after a link, climbs from where the link led (<c>pages/link/../x</c>
/// with link → /etc is /x, not pages/x), as <c>realpath(3)</c> does. Lexical checks
/// (<see cref="Path.GetFullPath(string)"/>) are fooled by links; these are not. Written in
/// managed code, one component at a time, so that a path whose end does not exist yet (an output)
/// resolves too.
/// </summary>
public static partial class RealPath
{
    /// <summary>Links followed within one path before it is an error, as Linux's ELOOP limit.</summary>
    private const int MaxLinks = 40;

    /// <summary>
    /// The path with every link followed and no "." or ".." left; the part that does not exist is
    /// appended as it is written.
    /// </summary>
    /// <exception cref="IOException">The links loop (more than 40 in one path).</exception>
    public static string Of(string path)
    {
        var links = 0;
        return Resolve(Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path), ref links);
    }

    private static string Resolve(string absolute, ref int links)
    {
        var root = Path.GetPathRoot(absolute)!;
        var current = root;
        var parts = absolute[root.Length..].Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var missing = false;
        foreach (var part in parts)
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            var next = Path.Combine(current, part);
            if (missing)
            {
                current = next;
                continue;
            }
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                target = null;
            }
            if (target is null)
            {
                missing = !Path.Exists(next);
                current = next;
                continue;
            }
            if (++links > MaxLinks) throw new IOException($"{absolute}: too many levels of symbolic links");
            current = Resolve(Path.IsPathRooted(target) ? target : Path.Combine(current, target), ref links);
            missing = !Path.Exists(current);
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or inside it, both taken as written (resolve them first).</summary>
    public static bool IsInside(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    /// <summary>What <paramref name="path"/> leads to, links followed.</summary>
    public static FileKind KindOf(string path) => Kind(path, follow: true);

    /// <summary>What <paramref name="path"/> itself is, a link not followed (a link is <see cref="FileKind.Special"/>).</summary>
    public static FileKind KindOfEntry(string path) => Kind(path, follow: false);

    private static FileKind Kind(string path, bool follow)
    {
        if (OperatingSystem.IsLinux())
        {
            var mode = StatxMode(path, follow);
            if (mode < 0) return FileKind.Missing;
            return (mode & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                _ => FileKind.Special, // FIFO, character or block device, socket; a link when not followed
            };
        }
        // Elsewhere .NET cannot tell a device from a file: a folder, a file, or nothing.
        if (!follow && new FileInfo(path).LinkTarget is not null) return FileKind.Special;
        return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>
    /// The file's type and mode bits from statx(2), or -1 when it cannot be read. statx's buffer
    /// has one layout on every Linux architecture (stat's does not): the mode is the 16-bit field
    /// at byte 28.
    /// </summary>
    private static unsafe int StatxMode(string path, bool follow)
    {
        const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100;
        const uint StatxType = 0x1;
        var buffer = stackalloc byte[256];
        return Statx(AtFdCwd, path, follow ? 0 : AtSymlinkNoFollow, StatxType, buffer) == 0 ? *(ushort*)(buffer + 28) : -1;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);
}
