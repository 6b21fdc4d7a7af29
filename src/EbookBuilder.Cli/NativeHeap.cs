using System.Runtime.InteropServices;

namespace EbookBuilder.Cli;

/// <summary>
/// glibc's malloc gives each new thread an arena of its own, up to eight per core, and keeps what
/// is freed in each. Skia and HarfBuzz allocate natively on the PDF writer's thread (a new one per
/// book) and the layout's: over the 33 books of <c>--split chapter</c> on the corpus the freed
/// memory held in arenas took the peak from 320 MB to 440 MB. Two arenas (the value Java and Ruby
/// deployments use) measured no slower. Elsewhere than glibc this does nothing.
/// </summary>
internal static partial class NativeHeap
{
    private const int ArenaMax = -8; // M_ARENA_MAX in malloc.h

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);

    /// <summary>At most two malloc arenas for the threads made from now on; unless MALLOC_ARENA_MAX is set already.</summary>
    public static void LimitArenas()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null) return;
        try
        {
            MallOpt(ArenaMax, 2);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // musl and other C libraries: their allocators have no such arenas.
        }
    }
}
