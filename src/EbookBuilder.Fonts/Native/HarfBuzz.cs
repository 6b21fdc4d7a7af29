using System.Runtime.InteropServices;

namespace EbookBuilder.Fonts.Native;

/// <summary>
/// The few functions of HarfBuzz's C API we call directly: face loading, coverage, names, and the
/// subsetter, which HarfBuzzSharp's managed API does not wrap. They are exported by the native
/// libHarfBuzzSharp that HarfBuzzSharp.NativeAssets ships (version pinned in Directory.Packages.props);
/// everything that touches them lives in this folder and is covered by tests.
/// </summary>
internal static partial class HarfBuzz
{
    private const string Library = "libHarfBuzzSharp";

    public const uint SetValueInvalid = uint.MaxValue;

    /// <summary>hb_subset_sets_t: the layout features to keep.</summary>
    public const int SubsetSetsLayoutFeatureTag = 6;

    public static uint Tag(string tag) => (uint)(tag[0] << 24 | tag[1] << 16 | tag[2] << 8 | tag[3]);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr hb_blob_create_from_file_or_fail(string path);

    /// <summary>hb_memory_mode_t DUPLICATE: HarfBuzz copies the bytes at once, so managed memory may move afterwards.</summary>
    public const int MemoryModeDuplicate = 0;

    /// <summary>HarfBuzz reads the memory in place and never writes to it (a read-only mapping).</summary>
    public const int MemoryModeReadOnly = 1;

    [LibraryImport(Library)]
    public static partial IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);

    [LibraryImport(Library)]
    public static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [LibraryImport(Library)]
    public static partial void hb_blob_destroy(IntPtr blob);

    [LibraryImport(Library)]
    public static partial IntPtr hb_face_create(IntPtr blob, uint index);

    [LibraryImport(Library)]
    public static partial void hb_face_destroy(IntPtr face);

    [LibraryImport(Library)]
    public static partial uint hb_face_get_glyph_count(IntPtr face);

    [LibraryImport(Library)]
    public static partial IntPtr hb_face_reference_blob(IntPtr face);

    [LibraryImport(Library)]
    public static partial void hb_face_collect_unicodes(IntPtr face, IntPtr set);

    [LibraryImport(Library)]
    public static unsafe partial uint hb_face_get_table_tags(IntPtr face, uint startOffset, ref uint tableCount, uint* tags);

    [LibraryImport(Library)]
    public static unsafe partial uint hb_ot_name_get_utf8(IntPtr face, uint nameId, IntPtr language, ref uint textSize, byte* text);

    [LibraryImport(Library)]
    public static partial IntPtr hb_set_create();

    [LibraryImport(Library)]
    public static partial void hb_set_destroy(IntPtr set);

    [LibraryImport(Library)]
    public static partial void hb_set_add(IntPtr set, uint codepoint);

    [LibraryImport(Library)]
    public static partial void hb_set_del(IntPtr set, uint codepoint);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.I4)]
    public static partial bool hb_set_has(IntPtr set, uint codepoint);

    [LibraryImport(Library)]
    public static partial uint hb_set_get_population(IntPtr set);

    [LibraryImport(Library)]
    public static partial IntPtr hb_subset_input_create_or_fail();

    [LibraryImport(Library)]
    public static partial void hb_subset_input_destroy(IntPtr input);

    [LibraryImport(Library)]
    public static partial IntPtr hb_subset_input_unicode_set(IntPtr input);

    [LibraryImport(Library)]
    public static partial IntPtr hb_subset_input_set(IntPtr input, int setType);

    [LibraryImport(Library)]
    public static partial IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
}
