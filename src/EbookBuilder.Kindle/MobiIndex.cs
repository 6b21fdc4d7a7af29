using System.Text;
using static EbookBuilder.Kindle.MobiEncoding;

namespace EbookBuilder.Kindle;

/// <summary>One tag of an index's TAGX table: its number, values per entry and control-byte mask.</summary>
internal sealed record IndexTag(string Name, byte Number, byte ValuesPerEntry, byte Mask);

/// <summary>An entry of an index: its name (the sort key) and its tags' values.</summary>
internal sealed record IndexEntry(string Name, IReadOnlyDictionary<string, long[]> Values);

/// <summary>
/// A KF8 index (INDX records): a header record with the TAGX table and the geometry of the index
/// records, the index records with their entries and IDXT offsets, then the CNCX string records.
/// The skeleton, fragment, NCX and guide tables are all of this one shape.
/// </summary>
internal sealed class MobiIndex
{
    private const int HeaderLength = 192;
    // KindleGen leaves this margin below the PalmDB record limit; the reader needs none, the
    // alignment of the blocks does.
    private const int RecordLimit = 0x10000 - HeaderLength - 1048;

    private static readonly Dictionary<int, int> MaskShift = new()
    {
        [1] = 0, [2] = 1, [3] = 0, [4] = 2, [8] = 3, [12] = 2, [16] = 4, [32] = 5, [48] = 4, [64] = 6, [128] = 7, [192] = 6,
    };

    public static readonly IndexTag[] SkeletonTags =
    [
        new("chunk_count", 1, 1, 3),
        new("geometry", 6, 2, 12),
    ];

    public static readonly IndexTag[] FragmentTags =
    [
        new("cncx_offset", 2, 1, 1),
        new("file_number", 3, 1, 2),
        new("sequence_number", 4, 1, 4),
        new("geometry", 6, 2, 8),
    ];

    public static readonly IndexTag[] NcxTags =
    [
        new("offset", 1, 1, 1),
        new("length", 2, 1, 2),
        new("label", 3, 1, 4),
        new("depth", 4, 1, 8),
        new("parent", 21, 1, 16),
        new("first_child", 22, 1, 32),
        new("last_child", 23, 1, 64),
        new("pos_fid", 6, 2, 128),
    ];

    public static readonly IndexTag[] GuideTags =
    [
        new("title", 1, 1, 1),
        new("pos_fid", 6, 2, 2),
    ];

    /// <summary>The records of an index over <paramref name="entries"/>, with <paramref name="strings"/> as its CNCX.</summary>
    public static List<byte[]> Build(IReadOnlyList<IndexTag> tags, IReadOnlyList<IndexEntry> entries, Cncx? strings = null)
    {
        var blocks = new List<(MemoryStream Entries, List<ushort> Offsets, string Last)> { (new MemoryStream(), [], "") };
        foreach (var entry in entries)
        {
            var raw = EncodeEntry(tags, entry);
            var (block, offsets, _) = blocks[^1];
            if (block.Length + offsets.Count * 2 + 4 + raw.Length + 2 > RecordLimit)
            {
                blocks.Add((new MemoryStream(), [], ""));
                (block, offsets, _) = blocks[^1];
            }
            offsets.Add((ushort)(HeaderLength + block.Length));
            block.Write(raw);
            blocks[^1] = (block, offsets, entry.Name);
        }

        var records = new List<byte[]>();
        foreach (var (block, offsets, _) in blocks)
        {
            var body = Align(block.ToArray());
            var idxt = new MemoryStream();
            idxt.Write("IDXT"u8);
            foreach (var o in offsets) idxt.WriteShort(o);
            var header = new MemoryStream();
            header.Write("INDX"u8);
            header.Write((uint)HeaderLength);
            header.Write(0u);
            header.Write(1u); // an index record, not the index's header
            header.Write(0u);
            header.Write((uint)(HeaderLength + body.Length));
            header.Write((uint)offsets.Count);
            header.Write([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
            header.Write(new byte[156]);
            records.Add([.. header.ToArray(), .. body, .. Align(idxt.ToArray())]);
        }

        // The header record: TAGX, then each index record's last name and entry count (the
        // "geometry"), which IDXT points into.
        var tagx = new MemoryStream();
        foreach (var t in tags) tagx.Write([t.Number, t.ValuesPerEntry, t.Mask, 0]);
        tagx.Write([0, 0, 0, 1]);
        var tagxBytes = Align([.. "TAGX"u8, .. UInt32((uint)(12 + tagx.Length)), .. UInt32(1), .. tagx.ToArray()]);
        var geometry = new MemoryStream();
        var geometryOffsets = new List<ushort>();
        foreach (var (_, offsets, last) in blocks)
        {
            geometryOffsets.Add((ushort)(HeaderLength + tagxBytes.Length + geometry.Length));
            var name = Encoding.UTF8.GetBytes(last);
            geometry.WriteByte((byte)name.Length);
            geometry.Write(name);
            geometry.WriteShort((ushort)offsets.Count);
        }
        var geometryBytes = Align(geometry.ToArray());
        var headerIdxt = new MemoryStream();
        headerIdxt.Write("IDXT"u8);
        foreach (var o in geometryOffsets) headerIdxt.WriteShort(o);

        var first = new MemoryStream();
        first.Write("INDX"u8);
        first.Write((uint)HeaderLength);
        first.Write(new byte[8]);
        first.Write(2u); // index type, as KindleGen writes it
        first.Write((uint)(HeaderLength + tagxBytes.Length + geometryBytes.Length)); // IDXT offset
        first.Write((uint)records.Count);
        first.Write(65001u); // UTF-8
        first.Write(0xFFFFFFFFu);
        first.Write((uint)entries.Count);
        first.Write(0u); // ORDT
        first.Write(0u); // LIGT
        first.Write(0u);
        first.Write((uint)(strings?.Records.Count ?? 0));
        first.Write(new byte[124]);
        first.Write((uint)HeaderLength); // TAGX offset
        first.Write(new byte[8]);
        first.Write(tagxBytes);
        first.Write(geometryBytes);
        first.Write(Align(headerIdxt.ToArray()));

        var all = new List<byte[]> { Align(first.ToArray()) };
        all.AddRange(records);
        if (strings is not null) all.AddRange(strings.Records);
        return all;
    }

    private static byte[] EncodeEntry(IReadOnlyList<IndexTag> tags, IndexEntry entry)
    {
        var name = Encoding.UTF8.GetBytes(entry.Name);
        var control = 0;
        var values = new MemoryStream();
        foreach (var tag in tags)
        {
            if (!entry.Values.TryGetValue(tag.Name, out var v) || v.Length == 0) continue;
            var count = v.Length / tag.ValuesPerEntry;
            control |= tag.Mask & (count << MaskShift[tag.Mask]);
            foreach (var x in v) values.Write(VarInt(x));
        }
        return [(byte)name.Length, .. name, (byte)control, .. values.ToArray()];
    }
}

/// <summary>
/// The strings of an index (CNCX): each a forward variable-width length and its UTF-8 bytes,
/// addressed by record number × 0x10000 + offset.
/// </summary>
internal sealed class Cncx
{
    private const int RecordLimit = 0x10000 - 1024;
    private const int MaxStringLength = 500;
    private readonly Dictionary<string, long> _offsets = new(StringComparer.Ordinal);

    public Cncx(IEnumerable<string> strings)
    {
        var buffer = new MemoryStream();
        long offset = 0;
        foreach (var s in strings)
        {
            if (_offsets.ContainsKey(s)) continue;
            var text = s.Length > MaxStringLength ? s[..MaxStringLength] : s;
            var utf8 = Encoding.UTF8.GetBytes(text.Length == 0 ? "-" : text);
            byte[] raw = [.. VarInt(utf8.Length), .. utf8];
            if (buffer.Length + raw.Length > RecordLimit)
            {
                Records.Add(Align(buffer.ToArray()));
                buffer = new MemoryStream();
                offset = Records.Count * 0x10000L;
            }
            buffer.Write(raw);
            _offsets[s] = offset;
            offset += raw.Length;
        }
        if (buffer.Length > 0) Records.Add(Align(buffer.ToArray()));
    }

    public List<byte[]> Records { get; } = [];

    public long this[string s] => _offsets[s];
}
