using System.Runtime.CompilerServices;

namespace EbookBuilder.Tests.Support;

/// <summary>
/// A build that names no cache folder uses $XDG_CACHE_HOME/ebookbuilder. For the tests that is a
/// folder of this test run, removed when it ends: tests never write into the user's cache, and
/// never pass because of what an earlier run left in it.
/// </summary>
internal static class UserCache
{
    public static readonly string Folder = Path.Combine(Path.GetTempPath(), "ebook-tests", $"xdg-cache-{Environment.ProcessId}");

#pragma warning disable CA2255 // a test assembly sets up its process once, before any test
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Isolate()
    {
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", Folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true); }
            catch (IOException) { } // a file still open: the temporary folder is the system's to clear
        };
    }
}
