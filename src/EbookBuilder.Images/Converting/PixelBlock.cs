using System.Runtime.InteropServices;

namespace EbookBuilder.Images.Converting;

/// <summary>Native memory rented from a <see cref="PixelPool"/>; disposing it gives it back.</summary>
internal sealed class PixelBlock : IDisposable
{
    private readonly PixelPool _pool;
    private IntPtr _memory;

    internal PixelBlock(PixelPool pool, long bytes)
    {
        _pool = pool;
        _memory = Marshal.AllocHGlobal((nint)bytes);
        Capacity = bytes;
    }

    public long Capacity { get; }

    public IntPtr Pointer => _memory == IntPtr.Zero ? throw new ObjectDisposedException(nameof(PixelBlock)) : _memory;

    /// <summary>Out of the pool; a second <see cref="Dispose"/> does nothing.</summary>
    internal bool Rented { get; set; }

    public void Dispose()
    {
        if (!Rented) return;
        Rented = false;
        _pool.Return(this);
    }

    internal void Free()
    {
        Marshal.FreeHGlobal(_memory);
        _memory = IntPtr.Zero;
    }
}
