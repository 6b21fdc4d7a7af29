namespace EbookBuilder.Images.Converting;

/// <summary>
/// Native pixel memory kept from one conversion for the next. A conversion decodes into one
/// buffer and draws the scaled image into another, 7 to 10 MB each for a photo. Allocated afresh
/// each time, every page of them is a new page fault: glibc hands blocks this large back to the
/// system when they are freed, and the next image faults them in again. In a virtual machine a
/// fault costs many times more: on the benchmark's 2-core VM, a photo's conversion took 60–90 ms
/// with fresh buffers and 35 ms with kept ones.
/// At most <paramref name="keep"/> free blocks of at most <paramref name="largest"/> bytes each are
/// kept; <see cref="Dispose"/> frees them, and any block returned after it.
/// </summary>
internal sealed class PixelPool(int keep, long largest) : IDisposable
{
    /// <summary>A pool that keeps nothing: every block is allocated and freed.</summary>
    public static PixelPool None { get; } = new(0, 0);

    private readonly List<PixelBlock> _free = [];
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <summary>Blocks allocated so far.</summary>
    public int Allocations { get; private set; }

    /// <summary>A block of at least <paramref name="bytes"/>: the smallest kept one that is large enough, else a new one.</summary>
    public PixelBlock Rent(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        lock (_lock)
        {
            var fitting = _free.Where(b => b.Capacity >= bytes).MinBy(b => b.Capacity);
            if (fitting is not null)
            {
                _free.Remove(fitting);
                fitting.Rented = true;
                return fitting;
            }
            Allocations++;
        }
        return new PixelBlock(this, bytes) { Rented = true };
    }

    /// <summary>
    /// Keeps a returned block while there is room; when there is none, a larger block takes the
    /// place of the smallest kept one, so the pool grows towards the sizes the images need.
    /// </summary>
    internal void Return(PixelBlock block)
    {
        PixelBlock? unkept = block;
        lock (_lock)
        {
            if (!_disposed && block.Capacity <= largest)
            {
                if (_free.Count < keep)
                {
                    _free.Add(block);
                    unkept = null;
                }
                else if (_free.MinBy(b => b.Capacity) is { } smallest && smallest.Capacity < block.Capacity)
                {
                    _free.Remove(smallest);
                    _free.Add(block);
                    unkept = smallest;
                }
            }
        }
        unkept?.Free();
    }

    public void Dispose()
    {
        if (ReferenceEquals(this, None)) return;
        lock (_lock)
        {
            _disposed = true;
            foreach (var block in _free) block.Free();
            _free.Clear();
        }
    }
}
