using System.Runtime.InteropServices;
using SkiaSharp;

namespace EbookBuilder.Pdf.Skia;

/// <summary>
/// The stream Skia writes the PDF to. Skia calls back into managed code to write; an exception
/// thrown there (a full disk) crosses native frames and aborts the process (exit 134, the
/// temporary file left behind). Here a failed write is remembered and reported to Skia as a
/// failed write, later writes are skipped, and <see cref="ThrowIfFailed"/> throws it once Skia is
/// done, so that the atomic output removes the temporary file and the build ends with a message.
/// </summary>
internal sealed class FailSafeStream(Stream output) : SKAbstractManagedWStream
{
    private long _written;

    /// <summary>The first write failure, if any.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Throws the first write failure.</summary>
    public void ThrowIfFailed()
    {
        if (Failure is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    protected override bool OnWrite(IntPtr buffer, IntPtr size)
    {
        if (Failure is not null) return false;
        try
        {
            var count = (int)size;
            var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(count);
            try
            {
                Marshal.Copy(buffer, bytes, 0, count);
                output.Write(bytes, 0, count);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
            }
            _written += count;
            return true;
        }
        catch (Exception e)
        {
            Failure = e;
            return false;
        }
    }

    protected override void OnFlush()
    {
        if (Failure is not null) return;
        try
        {
            output.Flush();
        }
        catch (Exception e)
        {
            Failure = e;
        }
    }

    protected override IntPtr OnBytesWritten() => (IntPtr)_written;
}
