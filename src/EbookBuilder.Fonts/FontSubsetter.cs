using System.Runtime.InteropServices;
using EbookBuilder.Fonts.Native;

namespace EbookBuilder.Fonts;

/// <summary>
/// Subsets a face to the characters a book uses, with HarfBuzz's subsetter (the glyphs that the
/// kept OpenType features need come along). The 'locl' feature is dropped: it pulls in the
/// Japanese, Korean and traditional forms of a pan-CJK font (measured: halves a Noto CJK subset).
/// </summary>
public static class FontSubsetter
{
    /// <summary>A font file holding only the glyphs for <paramref name="codepoints"/>.</summary>
    public static byte[] Subset(FontFile font, IEnumerable<int> codepoints)
    {
        var input = HarfBuzz.hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not create a subset input (out of memory?)");
        try
        {
            var unicodes = HarfBuzz.hb_subset_input_unicode_set(input);
            foreach (var codepoint in codepoints) HarfBuzz.hb_set_add(unicodes, (uint)codepoint);
            var features = HarfBuzz.hb_subset_input_set(input, HarfBuzz.SubsetSetsLayoutFeatureTag);
            HarfBuzz.hb_set_del(features, HarfBuzz.Tag("locl"));

            var subset = HarfBuzz.hb_subset_or_fail(font.Face, input);
            if (subset == IntPtr.Zero) throw new InvalidOperationException($"HarfBuzz could not subset {font.Path}");
            try
            {
                var blob = HarfBuzz.hb_face_reference_blob(subset);
                try
                {
                    var data = HarfBuzz.hb_blob_get_data(blob, out var length);
                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally
                {
                    HarfBuzz.hb_blob_destroy(blob);
                }
            }
            finally
            {
                HarfBuzz.hb_face_destroy(subset);
            }
        }
        finally
        {
            HarfBuzz.hb_subset_input_destroy(input);
        }
    }
}
