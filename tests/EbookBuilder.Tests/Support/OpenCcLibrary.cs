using System.Runtime.InteropServices;

namespace EbookBuilder.Tests.Support;

/// <summary>OpenCC (Debian's libopencc1.1 and libopencc-data), which --script converts with.</summary>
internal static class OpenCcLibrary
{
    public static bool Available =>
        NativeLibrary.TryLoad("libopencc.so.1.1", out var handle) && Free(handle) && File.Exists("/usr/share/opencc/s2t.json");

    private static bool Free(IntPtr handle)
    {
        NativeLibrary.Free(handle);
        return true;
    }

    /// <summary>Skips the test when OpenCC is missing, except on CI, where its absence is a failure.</summary>
    public static void Require()
    {
        if (Available) return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("OpenCC is missing on CI: .ci/run must install libopencc1.1 and libopencc-data");
        Skip.If(true, "OpenCC not installed (apt-get install libopencc1.1 libopencc-data): the script conversion tests are skipped");
    }
}
