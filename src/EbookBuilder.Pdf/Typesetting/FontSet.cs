using System.Text;
using EbookBuilder.Model.Assets;
using EbookBuilder.Pdf.Drawing;
using HarfBuzzSharp;
using HbFont = HarfBuzzSharp.Font;

namespace EbookBuilder.Pdf.Typesetting;

/// <summary>
/// The subset faces of the book, loaded for HarfBuzz (shaping: glyph ids of the subset); each face
/// is also a <see cref="FontFace"/> that the drawing backend loads from the same bytes (and embeds). A character is drawn
/// with the first face of the chain that has it; bold text with the bold face where it has it.
/// Shaping results of single characters and words are cached, since news text repeats itself.
/// </summary>
internal sealed class FontSet : IDisposable
{
    internal sealed class Face : IDisposable
    {
        private readonly Blob _blob;
        private readonly HarfBuzzSharp.Face _face;
        public readonly HbFont Font;
        /// <summary>The face as drawing knows it.</summary>
        public readonly FontFace Drawn;
        public readonly IReadOnlySet<int> Codepoints;
        public readonly int UnitsPerEm;
        public readonly int Id;

        public Face(int id, FontAsset asset)
        {
            Id = id;
            // Duplicate mode: HarfBuzz copies the bytes into memory it owns, tied to the blob's own
            // lifetime. (Blob.FromStream's copy was freed under us by the garbage collector in a
            // long build, and shaping then read another font's tables.)
            var pin = System.Runtime.InteropServices.GCHandle.Alloc(asset.Bytes, System.Runtime.InteropServices.GCHandleType.Pinned);
            try
            {
                _blob = new Blob(pin.AddrOfPinnedObject(), asset.Bytes.Length, MemoryMode.Duplicate);
            }
            finally
            {
                pin.Free();
            }
            _face = new HarfBuzzSharp.Face(_blob, 0);
            UnitsPerEm = _face.UnitsPerEm;
            Font = new HbFont(_face);
            Font.SetScale(UnitsPerEm, UnitsPerEm);
            Drawn = new FontFace(id, asset);
            Codepoints = asset.Codepoints;
        }

        public void Dispose()
        {
            Font.Dispose();
            _face.Dispose();
            _blob.Dispose();
        }
    }

    /// <summary>A shaped piece of text in one face: glyph ids and advances in font units, and each glyph's UTF-16 cluster.</summary>
    internal sealed record Shaped(ushort[] Glyphs, int[] Advances, int[] Offsets, int[] Clusters, int Width);

    private readonly List<Face> _regular = [];
    private readonly Face? _bold;
    private readonly Dictionary<(int Face, string Text), Shaped> _cache = [];
    private readonly HarfBuzzSharp.Buffer _buffer = new();
    private readonly Language _language;
    private readonly Feature[] _features;

    /// <summary>The faces of <paramref name="fonts"/>, shaping for <paramref name="language"/> (a face's localised forms follow it: zh-TW's punctuation, say).</summary>
    public FontSet(FontBag fonts, string language = "zh-Hans", bool vertical = false)
    {
        _language = new Language(language);
        // A vertical book's punctuation in the font's vertical forms (vert, vrt2), shaped along the line as ever.
        _features = vertical ? [Feature.Parse("vert"), Feature.Parse("vrt2")] : [];
        var id = 0;
        foreach (var asset in fonts.Faces.OrderBy(f => f.Slot))
        {
            var face = new Face(id++, asset);
            if (asset.Weight >= 700) _bold = face;
            else _regular.Add(face);
        }
        if (_regular.Count == 0) throw new InvalidOperationException("the PDF needs at least one embedded font; do not pass --no-fonts with --format pdf");
    }

    public IEnumerable<Face> Faces => _bold is null ? _regular : _regular.Append(_bold);

    /// <summary>The face that draws <paramref name="codepoint"/>: bold if asked and it has it, else the first of the chain that has it.</summary>
    public Face For(int codepoint, bool bold)
    {
        if (bold && _bold is not null && _bold.Codepoints.Contains(codepoint)) return _bold;
        foreach (var face in _regular)
        {
            if (face.Codepoints.Contains(codepoint)) return face;
        }
        return _regular[0]; // uncovered: reported already; drawn as the font's .notdef
    }

    /// <summary>Shaped single BMP characters per face, by character: most units of Chinese text are one.</summary>
    private readonly Dictionary<int, Shaped?[]> _single = [];

    /// <summary>Single characters as strings, made once per book, not once per occurrence.</summary>
    private readonly string?[] _characters = new string?[0x10000];

    /// <summary><paramref name="rune"/> as a string (one instance per BMP character).</summary>
    public string Text(Rune rune) => rune.IsBmp ? _characters[rune.Value] ??= rune.ToString() : rune.ToString();

    public Shaped Shape(Face face, string text)
    {
        if (text.Length == 1)
        {
            if (!_single.TryGetValue(face.Id, out var shapedOf)) _single[face.Id] = shapedOf = new Shaped?[0x10000];
            return shapedOf[text[0]] ??= ShapeText(face, text);
        }
        if (_cache.TryGetValue((face.Id, text), out var cached)) return cached;
        var shaped = ShapeText(face, text);
        if (text.Length <= CachedLength) _cache[(face.Id, text)] = shaped; // words repeat; long tokens do not
        return shaped;
    }

    private const int CachedLength = 64;

    private Shaped ShapeText(Face face, string text)
    {
        _buffer.ClearContents();
        _buffer.AddUtf16(text);
        _buffer.GuessSegmentProperties();
        _buffer.Language = _language;
        face.Font.Shape(_buffer, _features);
        var infos = _buffer.GlyphInfos;
        var positions = _buffer.GlyphPositions;
        var glyphs = new ushort[infos.Length];
        var advances = new int[infos.Length];
        var offsets = new int[infos.Length];
        var clusters = new int[infos.Length];
        var width = 0;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = (int)infos[i].Cluster;
            advances[i] = positions[i].XAdvance;
            offsets[i] = positions[i].XOffset;
            width += positions[i].XAdvance;
        }
        return new Shaped(glyphs, advances, offsets, clusters, width);
    }

    public void Dispose()
    {
        _buffer.Dispose();
        foreach (var face in Faces) face.Dispose();
    }
}
