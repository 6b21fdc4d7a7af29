using EbookBuilder.Model.Text;

namespace EbookBuilder.Pipeline;

/// <summary>
/// Writes a file through a temporary file in the same folder and renames it into place, so a
/// failed or cancelled build never leaves a partial book (and an earlier book stays intact).
/// Only a regular file or nothing is replaced: a rename over a device node, a FIFO, a socket, a
/// folder or a link would replace it (as root, <c>--report /dev/full</c> replaced the device).
/// </summary>
public static class AtomicFile
{
    /// <summary>Checks that <paramref name="path"/> may be written: nothing is there, or a regular file.</summary>
    /// <exception cref="BuildInputException">Something else is there; it is named.</exception>
    public static void CheckTarget(string path)
    {
        var what = RealPath.KindOfEntry(path) switch
        {
            FileKind.Missing or FileKind.Regular => null,
            FileKind.Directory => "a folder",
            _ when new FileInfo(path).LinkTarget is { } target => $"a symbolic link (to {target})",
            _ => "a device, a pipe or a socket",
        };
        if (what is not null)
            throw new BuildInputException($"{Path.GetFullPath(path)} is {what}, not a regular file; it is never written over. Give another path");
    }

    public static long Write(string path, Action<Stream> write, CancellationToken cancellationToken)
    {
        CheckTarget(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Read and write: the PDF writer reads back what Skia wrote to append its outline.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream);
                cancellationToken.ThrowIfCancellationRequested();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
            return new FileInfo(path).Length;
        }
        catch (IOException e) when (e.Message.Contains(temp, StringComparison.Ordinal))
        {
            // A full disk names the temporary file; the user knows the book by its own name.
            throw new IOException($"{e.Message.Replace(temp, path, StringComparison.Ordinal).TrimEnd('.')}; nothing was written there, and an earlier file of that name is unchanged", e);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
