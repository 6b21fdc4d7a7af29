using System.Runtime.InteropServices;

namespace EbookBuilder.Assembly.Scripts;

/// <summary>
/// The few functions of OpenCC's C API we call (Debian's libopencc1.1; its dictionaries come with
/// libopencc-data): open a configuration, convert UTF-8 text, free the result, close.
/// </summary>
internal static partial class OpenCc
{
    public const string Library = "libopencc.so.1.1";

    /// <summary>What <c>opencc_open</c> returns when it fails: <c>(opencc_t)-1</c>.</summary>
    public static readonly IntPtr Invalid = new(-1);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr opencc_open(string configFileName);

    [LibraryImport(Library)]
    public static partial int opencc_close(IntPtr handle);

    [LibraryImport(Library)]
    public static partial IntPtr opencc_convert_utf8(IntPtr handle, byte[] input, nuint length);

    [LibraryImport(Library)]
    public static partial void opencc_convert_utf8_free(IntPtr text);

    [LibraryImport(Library)]
    public static partial IntPtr opencc_error();
}
