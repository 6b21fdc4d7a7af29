using System.Text;

namespace EbookBuilder.Model.Text;

/// <summary>
/// Reads the files a build is pointed at (articles, index lists, names, book.toml, local images).
/// Only regular files are opened: opening or reading a FIFO, a device or a socket may never end (a
/// FIFO's open waits for a writer; /dev/zero never ends), so those are refused before they are
/// opened (<see cref="NotRegularFileException"/>). At most a limit is read, so a file that grows
/// while it is read, or lies about its length, cannot take the memory.
/// </summary>
public static class InputFile
{
    /// <summary>The most a text input (index, names, book file) may be: 16 MB.</summary>
    public const long TextLimit = 16L * 1024 * 1024;

    /// <summary>The bytes of <paramref name="path"/>, empty for a file of length 0.</summary>
    /// <exception cref="InputFileTooLargeException">The file holds more than <paramref name="limit"/> bytes.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static byte[] ReadBytes(string path, long limit)
    {
        var length = LengthOf(path);
        if (length == 0) return [];
        if (length > limit) throw new InputFileTooLargeException(path, length, limit);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var buffer = new byte[length];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0) return buffer[..read]; // shrank meanwhile
            read += n;
        }
        if (stream.ReadByte() >= 0) throw new InputFileTooLargeException(path, length, limit, grew: true);
        return buffer;
    }

    /// <summary>
    /// The first bytes of <paramref name="path"/>, up to the buffer's length: how many were read (0
    /// for a file of length 0, which is not opened).
    /// </summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static int ReadPrefix(string path, Span<byte> buffer)
    {
        if (LengthOf(path) == 0) return 0;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        var read = 0;
        while (read < buffer.Length && stream.Read(buffer[read..]) is var n and > 0) read += n;
        return read;
    }

    /// <summary>The length of the file a path leads to (a link's own length is that of its target's name).</summary>
    /// <exception cref="NotRegularFileException">The path leads to a FIFO, a device or a socket.</exception>
    private static long LengthOf(string path)
    {
        if (RealPath.KindOf(path) == FileKind.Special) throw new NotRegularFileException(path);
        var info = new FileInfo(path);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target) info = target;
        return info.Length;
    }

    /// <summary>The text of <paramref name="path"/> (UTF-8 unless a byte order mark says otherwise), empty for a file of length 0.</summary>
    public static string ReadText(string path, long limit = TextLimit)
    {
        var bytes = ReadBytes(path, limit);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}

/// <summary>A path that leads to a FIFO, a device or a socket, which a build never opens.</summary>
public sealed class NotRegularFileException(string path)
    : IOException($"{path} is not a regular file (a pipe, a device or a socket, which is never read)");

/// <summary>An input file larger than what a build reads of it, or one that grew while it was read.</summary>
public sealed class InputFileTooLargeException(string path, long length, long limit, bool grew = false)
    : IOException(grew ? $"{path} grew while it was read" : $"{path} is {length / 1048576.0:0.0} MB, more than the {limit / 1048576.0:0.#} MB read of such a file")
{
    /// <summary>The file's length when it was measured.</summary>
    public long Length => length;

    public long Limit => limit;

    /// <summary>The file grew past its measured length while it was read (a file being written, a device).</summary>
    public bool Grew => grew;
}
