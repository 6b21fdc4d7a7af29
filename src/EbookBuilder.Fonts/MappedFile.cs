using System.IO.MemoryMappedFiles;

namespace EbookBuilder.Fonts;

/// <summary>
/// A font file mapped read-only into memory: the pages are read from disk as HarfBuzz touches them
/// and shared with every other process that maps the file. (A font file cut short while mapped
/// would fault on access; installed fonts are not rewritten under a running build, and articles
/// are never mapped.)
/// </summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private bool _disposed;

    private MappedFile(MemoryMappedFile file, MemoryMappedViewAccessor view, long length)
    {
        _file = file;
        _view = view;
        Length = length;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        Pointer = (IntPtr)(pointer + view.PointerOffset);
    }

    public IntPtr Pointer { get; }

    public long Length { get; }

    /// <summary>The file mapped; null when it cannot be (missing, unreadable, empty, not a regular file, over 2 GB).</summary>
    public static MappedFile? Open(string path)
    {
        try
        {
            // A regular file only (links followed): a FIFO's open never returns, a device has no end.
            if (EbookBuilder.Model.Text.RealPath.KindOf(path) != EbookBuilder.Model.Text.FileKind.Regular) return null;
            var info = new FileInfo(path);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target) info = target;
            if (info.Length is 0 or > int.MaxValue) return null;
            var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            try
            {
                var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
                return new MappedFile(file, view, info.Length);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
