using System.Text;
using EbookBuilder.Fonts.Native;

namespace EbookBuilder.Fonts;

/// <summary>
/// One face of a font file, loaded by HarfBuzz: what it is called, which characters it covers
/// (its cmap, not guesswork about scripts), how many glyphs it has and whether its outlines are
/// TrueType or CFF. Reads only through HarfBuzz; no font table is parsed here.
/// </summary>
public sealed class FontFile : IDisposable
{
    private readonly IntPtr _blob;
    private readonly IntPtr _face;
    private readonly IntPtr _unicodes;

    private readonly MappedFile? _mapped;

    private FontFile(string path, int index, IntPtr blob, IntPtr face, MappedFile? mapped)
    {
        Path = path;
        Index = index;
        _blob = blob;
        _face = face;
        _mapped = mapped;
        _unicodes = HarfBuzz.hb_set_create();
        HarfBuzz.hb_face_collect_unicodes(face, _unicodes);
        GlyphCount = (int)HarfBuzz.hb_face_get_glyph_count(face);
        CharacterCount = (int)HarfBuzz.hb_set_get_population(_unicodes);
        Family = Name(16) ?? Name(1) ?? System.IO.Path.GetFileNameWithoutExtension(path);
        Style = Name(17) ?? Name(2) ?? "Regular";
        IsCff = HasTable("CFF ") || HasTable("CFF2");
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The face index in a collection (.ttc), else 0.</summary>
    public int Index { get; }

    /// <summary>The (typographic) family name.</summary>
    public string Family { get; }

    /// <summary>The style name (Regular, Bold, …).</summary>
    public string Style { get; }

    /// <summary>Glyphs in the face.</summary>
    public int GlyphCount { get; }

    /// <summary>Characters the face maps to glyphs.</summary>
    public int CharacterCount { get; }

    /// <summary>CFF outlines (Skia writes these into PDFs as Type 3); else TrueType.</summary>
    public bool IsCff { get; }

    /// <summary>
    /// TrueType outlines (a glyf table): what Skia embeds in a PDF as a real font. CFF faces
    /// become Type 3 fonts, and colour bitmap faces (CBDT emoji) have no outlines at all.
    /// </summary>
    public bool HasTrueTypeOutlines => !IsCff && HasTable("glyf");

    /// <summary>"TrueType" or "CFF".</summary>
    public string Outline => IsCff ? "CFF" : "TrueType";

    /// <summary>Whether the style says bold.</summary>
    public bool IsBold => Style.Contains("Bold", StringComparison.OrdinalIgnoreCase) || Style.Contains("Heavy", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Opens a face; null when the file is not a font HarfBuzz can read. The file is mapped, not
    /// read: HarfBuzzSharp's own file loader reads a whole file into memory (fread), and asking
    /// which installed face has a character then read every CJK collection whole (20-30 MB each, a
    /// copy per face index) and multiplied the build's peak memory by six. Mapped, only the pages
    /// of the tables looked at (cmap, name, the glyphs subset) are ever read.
    /// </summary>
    public static FontFile? Open(string path, int index = 0)
    {
        var mapped = MappedFile.Open(path);
        if (mapped is null) return null;
        var blob = HarfBuzz.hb_blob_create(mapped.Pointer, (uint)mapped.Length, HarfBuzz.MemoryModeReadOnly, IntPtr.Zero, IntPtr.Zero);
        return FromBlob(blob, path, index, mapped);
    }

    /// <summary>A face of the blob, owning it (and the mapping under it); null (and both released) when it holds no font.</summary>
    private static FontFile? FromBlob(IntPtr blob, string path, int index, MappedFile? mapped = null)
    {
        if (blob == IntPtr.Zero)
        {
            mapped?.Dispose();
            return null;
        }
        var face = HarfBuzz.hb_face_create(blob, (uint)index);
        if (face == IntPtr.Zero || HarfBuzz.hb_face_get_glyph_count(face) == 0)
        {
            if (face != IntPtr.Zero) HarfBuzz.hb_face_destroy(face);
            HarfBuzz.hb_blob_destroy(blob);
            mapped?.Dispose();
            return null;
        }
        return new FontFile(path, index, blob, face, mapped);
    }

    /// <summary>Opens a font held in memory (a subset, say); null when it is not a font.</summary>
    public static FontFile? FromBytes(byte[] bytes, int index = 0)
    {
        IntPtr blob;
        unsafe
        {
            fixed (byte* data = bytes)
                blob = HarfBuzz.hb_blob_create((IntPtr)data, (uint)bytes.Length, HarfBuzz.MemoryModeDuplicate, IntPtr.Zero, IntPtr.Zero);
        }
        return FromBlob(blob, "(memory)", index);
    }

    /// <summary>Whether the face has a glyph for the character.</summary>
    public bool Covers(int codepoint) => HarfBuzz.hb_set_has(_unicodes, (uint)codepoint);

    /// <summary>Whether the face covers the common Chinese characters (a CJK font).</summary>
    public bool IsCjk => "的一是在不了有人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起".All(c => Covers(c));

    internal IntPtr Face => _face;

    private string? Name(uint id)
    {
        unsafe
        {
            uint size = 0;
            var length = HarfBuzz.hb_ot_name_get_utf8(_face, id, IntPtr.Zero, ref size, null);
            if (length == 0) return null;
            var buffer = new byte[length + 1];
            size = (uint)buffer.Length;
            fixed (byte* p = buffer) HarfBuzz.hb_ot_name_get_utf8(_face, id, IntPtr.Zero, ref size, p);
            var name = Encoding.UTF8.GetString(buffer, 0, (int)size).Trim('\0', ' ');
            return name.Length == 0 ? null : name;
        }
    }

    private bool HasTable(string tag)
    {
        unsafe
        {
            var wanted = HarfBuzz.Tag(tag);
            var tags = stackalloc uint[64];
            uint offset = 0;
            while (true)
            {
                uint count = 64;
                HarfBuzz.hb_face_get_table_tags(_face, offset, ref count, tags);
                if (count == 0) return false;
                for (var i = 0; i < count; i++)
                {
                    if (tags[i] == wanted) return true;
                }
                offset += count;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        HarfBuzz.hb_set_destroy(_unicodes);
        HarfBuzz.hb_face_destroy(_face);
        HarfBuzz.hb_blob_destroy(_blob);
        _mapped?.Dispose(); // after HarfBuzz let go of the memory
    }
}
