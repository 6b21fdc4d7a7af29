using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using SkiaSharp;
using static EbookBuilder.Kindle.MobiEncoding;

namespace EbookBuilder.Kindle;

/// <summary>What the KF8 writer needs beyond the EPUB: the time written into the file.</summary>
public sealed record Azw3Options(DateTimeOffset Modified);

/// <summary>
/// Writes a Kindle book (AZW3, KF8 only) from an EPUB, with no calibre or KindleGen at run time:
/// a PalmDB of a MOBI/KF8 header with EXTH metadata, the compressed text (skeletons and fragments,
/// then the stylesheets), the fragment, skeleton, guide and NCX indexes, the images, cover,
/// thumbnail and fonts as resources, and the FDST, FLIS, FCIS and EOF records. After the MobileRead
/// wiki's MOBI and KF8 pages and calibre's reader and writer. The same EPUB gives the same bytes.
/// </summary>
public static class Azw3Writer
{
    private const int RecordSize = 4096;
    private const uint Null = 0xFFFFFFFF;
    private static readonly (int Width, int Height) ThumbnailSize = (180, 240);

    /// <summary>Converts the EPUB in <paramref name="epub"/> to AZW3 in <paramref name="output"/>.</summary>
    public static void Write(Stream epub, Stream output, Azw3Options options, CancellationToken cancellationToken = default)
    {
        using var package = new EpubPackage(epub);

        // Resources: images (and the cover's thumbnail), then fonts; kindle:embed counts from 1.
        var resources = new List<byte[]>();
        var embed = new Dictionary<string, string>(StringComparer.Ordinal);
        var flows = new List<byte[]> { Array.Empty<byte>() }; // flow 0, the text, is written in place
        var flowRefs = new Dictionary<string, string>(StringComparer.Ordinal);
        int? coverOffset = null, thumbnailOffset = null;
        foreach (var item in package.Manifest)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.MediaType == "image/svg+xml")
            {
                flowRefs[item.Path] = $"kindle:flow:{Base32(flows.Count, 4)}?mime=image/svg+xml";
                flows.Add(package.File(item.Path));
                continue;
            }
            if (!item.MediaType.StartsWith("image/", StringComparison.Ordinal) || !package.Has(item.Path)) continue;
            var (bytes, mime) = KindleImage(package.File(item.Path), item.MediaType);
            if (bytes is null) continue;
            resources.Add(bytes);
            embed[item.Path] = $"kindle:embed:{Base32(resources.Count, 4)}?mime={mime}";
            if (item == package.Cover)
            {
                coverOffset = resources.Count - 1;
                if (Thumbnail(bytes) is { } thumbnail)
                {
                    resources.Add(thumbnail);
                    thumbnailOffset = resources.Count - 1;
                }
            }
        }
        var hasFonts = false;
        foreach (var item in package.Manifest.Where(IsFont))
        {
            if (!package.Has(item.Path)) continue;
            resources.Add(FontRecord(package.File(item.Path)));
            embed[item.Path] = $"kindle:embed:{Base32(resources.Count, 4)}";
            hasFonts = true;
        }

        // Stylesheets as flows, their url()s pointing at the resources.
        foreach (var css in package.Manifest.Where(i => i.MediaType == "text/css" && package.Has(i.Path)))
        {
            flowRefs[css.Path] = $"kindle:flow:{Base32(flows.Count, 4)}?mime=text/css";
            flows.Add(Encoding.UTF8.GetBytes(Stylesheet(Encoding.UTF8.GetString(package.File(css.Path)), css.Path, embed)));
        }

        var documents = package.Spine.Where(i => i.MediaType == "application/xhtml+xml").Select(i => i.Path).ToList();
        // Sized once: the text is about the pages' size plus their aid attributes.
        var all = new MemoryStream((int)Math.Min(int.MaxValue / 2, documents.Sum(package.Size) * 11 / 10 + flows.Sum(f => (long)f.Length) + 4096));
        var text = new Kf8Text(documents,
            path =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return EpubPackage.Xml(package.File(path), System.Xml.Linq.LoadOptions.PreserveWhitespace);
            },
            path => embed.TryGetValue(path, out var r) ? r : flowRefs.TryGetValue(path, out var f) ? f : null,
            path => flowRefs.TryGetValue(path, out var f) ? f : null,
            all);

        var records = new List<byte[]> { Array.Empty<byte>() };
        foreach (var flow in flows.Skip(1)) all.Write(flow);
        var allText = all.GetBuffer().AsMemory(0, (int)all.Length);
        var ncx = NcxEntries(package.Toc, text);
        var textRecords = TextRecords(allText.Span, cancellationToken);
        // Each text record ends with its multibyte overlap, then its trailing byte sequences.
        var recordLengths = Enumerable.Range(0, textRecords.Count).Select(i => Math.Min(RecordSize, allText.Length - i * RecordSize)).ToList();
        var tbs = TrailingIndex.Build([.. ncx.Select(e => new TrailingIndex.Entry(e.Index, e.Position.Absolute, e.Length, e.Depth, e.Parent))], recordLengths);
        for (var i = 0; i < textRecords.Count; i++) textRecords[i] = [.. textRecords[i], .. TrailingEntry(tbs[i])];
        records.AddRange(textRecords);
        var lastTextRecord = textRecords.Count;
        var firstNonText = lastTextRecord + 1;
        var textBytes = textRecords.Sum(r => (long)r.Length);
        if (textBytes % 4 != 0)
        {
            records.Add(new byte[textBytes % 4]);
            firstNonText++;
        }

        var fragmentStrings = new Cncx(text.Fragments.Select(f => f.Selector));
        var chunkIndex = records.Count;
        records.AddRange(MobiIndex.Build(MobiIndex.FragmentTags, [.. text.Fragments.Select(f => new IndexEntry(
            f.InsertPosition.ToString("D10", CultureInfo.InvariantCulture),
            new Dictionary<string, long[]>
            {
                ["cncx_offset"] = [fragmentStrings[f.Selector]],
                ["file_number"] = [f.File],
                ["sequence_number"] = [f.Sequence],
                ["geometry"] = [f.Start, f.Length],
            }))], fragmentStrings));
        var skeletonIndex = records.Count;
        records.AddRange(MobiIndex.Build(MobiIndex.SkeletonTags, [.. text.Skeletons.Select(s => new IndexEntry(
            "SKEL" + s.File.ToString("D10", CultureInfo.InvariantCulture),
            new Dictionary<string, long[]>
            {
                ["chunk_count"] = [s.ChunkCount, s.ChunkCount],
                ["geometry"] = [s.Start, s.Length, s.Start, s.Length],
            }))]));

        var (guide, startOffset) = Guide(package, text);
        var guideIndex = Null;
        if (guide.Count > 0)
        {
            var guideStrings = new Cncx(guide.Select(g => g.Title));
            guideIndex = (uint)records.Count;
            records.AddRange(MobiIndex.Build(MobiIndex.GuideTags, [.. guide.Select(g => new IndexEntry(g.Type,
                new Dictionary<string, long[]> { ["title"] = [guideStrings[g.Title]], ["pos_fid"] = [g.Position.Fragment, g.Position.Offset] }))], guideStrings));
        }

        var ncxIndex = Null;
        if (ncx.Count > 0)
        {
            var labels = new Cncx(ncx.Select(e => e.Label));
            ncxIndex = (uint)records.Count;
            var width = Math.Max(2, (ncx.Count - 1).ToString("X", CultureInfo.InvariantCulture).Length);
            records.AddRange(MobiIndex.Build(MobiIndex.NcxTags, [.. ncx.Select(e =>
            {
                var values = new Dictionary<string, long[]>
                {
                    ["offset"] = [e.Position.Absolute],
                    ["length"] = [e.Length],
                    ["label"] = [labels[e.Label]],
                    ["depth"] = [e.Depth],
                    ["pos_fid"] = [e.Position.Fragment, e.Position.Offset],
                };
                if (e.Parent >= 0) values["parent"] = [e.Parent];
                if (e.FirstChild >= 0) values["first_child"] = [e.FirstChild];
                if (e.LastChild >= 0) values["last_child"] = [e.LastChild];
                return new IndexEntry(e.Index.ToString("X" + width, CultureInfo.InvariantCulture), values);
            })], labels));
        }
        var firstResource = resources.Count > 0 ? (uint)records.Count : Null;
        records.AddRange(resources);

        var fdstRecord = records.Count;
        var fdst = new MemoryStream();
        fdst.Write("FDST"u8);
        fdst.Write(12u);
        fdst.Write((uint)flows.Count);
        long flowStart = 0;
        foreach (var length in flows.Select((f, i) => i == 0 ? text.Length : f.Length))
        {
            fdst.Write((uint)flowStart);
            fdst.Write((uint)(flowStart + length));
            flowStart += length;
        }
        records.Add(fdst.ToArray());
        var flisRecord = records.Count;
        records.Add([.. "FLIS"u8, 0, 0, 0, 8, 0, 0x41, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 1, 0, 3, 0, 0, 0, 3, 0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFF]);
        var fcisRecord = records.Count;
        records.Add([.. "FCIS"u8, 0, 0, 0, 0x14, 0, 0, 0, 0x10, 0, 0, 0, 2, 0, 0, 0, 0, .. UInt32((uint)allText.Length),
            0, 0, 0, 0, 0, 0, 0, 0x28, 0, 0, 0, 0, 0, 0, 0, 0x28, 0, 0, 0, 8, 0, 1, 0, 1, 0, 0, 0, 0]);
        records.Add([0xE9, 0x8E, 0x0D, 0x0A]);

        var uid = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(package.Identifier)), 0);
        var exth = Exth(package, options, coverOffset, thumbnailOffset, startOffset, resources.Count);
        var title = Encoding.UTF8.GetBytes(string.IsNullOrWhiteSpace(package.Title) ? "Unknown" : package.Title);

        var header = new MemoryStream();
        header.WriteShort(2); // PalmDOC compression
        header.WriteShort(0);
        header.Write((uint)allText.Length);
        header.WriteShort((ushort)lastTextRecord);
        header.WriteShort(RecordSize);
        header.WriteShort(0); // no encryption
        header.WriteShort(0);
        header.Write("MOBI"u8);
        header.Write(264u);
        header.Write(2u); // a book
        header.Write(65001u); // UTF-8
        header.Write(uid);
        header.Write(8u); // KF8
        for (var i = 0; i < 10; i++) header.Write(Null); // orthographic, inflection and extra indexes
        header.Write((uint)firstNonText);
        var titleOffsetAt = header.Length;
        header.Write(0u); // title offset, set below
        header.Write((uint)title.Length);
        header.Write(LanguageCode(package.Language));
        header.Write(0u);
        header.Write(0u);
        header.Write(8u); // minimum reader version
        header.Write(firstResource);
        header.Write(new byte[16]); // no Huffman/CDIC
        header.Write(0x50u | (hasFonts ? 0x1000u : 0u)); // EXTH present
        header.Write(new byte[32]);
        header.Write(Null);
        header.Write(Null); // no DRM
        header.Write(0u);
        header.Write(0u);
        header.Write(0u);
        header.Write(new byte[8]);
        header.Write((uint)fdstRecord);
        header.Write((uint)flows.Count);
        header.Write((uint)fcisRecord);
        header.Write(1u);
        header.Write((uint)flisRecord);
        header.Write(1u);
        header.Write(new byte[8]);
        header.Write(Null); // no SRCS
        header.Write(0u);
        header.Write([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        header.Write(3u); // text records end with their multibyte overlap and trailing byte sequences
        header.Write(ncxIndex);
        header.Write((uint)chunkIndex);
        header.Write((uint)skeletonIndex);
        header.Write(Null); // no DATP
        header.Write(guideIndex);
        header.Write(Null);
        header.Write(0u);
        header.Write(Null);
        header.Write(0u);
        header.Write(exth);
        var titleOffset = header.Length;
        header.Write(title);
        header.Write(new byte[8192 - (title.Length % 4)]); // room KindleGen leaves for Amazon's tools
        var record0 = header.ToArray();
        UInt32((uint)titleOffset).CopyTo(record0, titleOffsetAt);
        records[0] = record0;

        WritePalmDb(output, PalmName(package.Title, uid), options.Modified, records);
    }

    private static bool IsFont(PackageItem item) =>
        item.MediaType is "font/ttf" or "font/otf" or "font/sfnt" or "application/font-sfnt" or "application/x-font-ttf"
            or "application/x-font-truetype" or "application/vnd.ms-opentype" or "application/x-font-opentype";

    /// <summary>An image as a Kindle shows it: JPEG, PNG and GIF kept, anything else re-encoded as PNG.</summary>
    private static (byte[]? Bytes, string Mime) KindleImage(byte[] bytes, string mediaType)
    {
        if (mediaType is "image/jpeg" or "image/png" or "image/gif") return (bytes, mediaType);
        using var bitmap = SKBitmap.Decode(bytes);
        if (bitmap is null) return (null, "");
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return (data.ToArray(), "image/png");
    }

    /// <summary>The cover's thumbnail (at most 180 × 240, as the Kindle's library shows it).</summary>
    private static byte[]? Thumbnail(byte[] cover)
    {
        using var bitmap = SKBitmap.Decode(cover);
        if (bitmap is null) return null;
        var scale = Math.Min(1.0, Math.Min((double)ThumbnailSize.Width / bitmap.Width, (double)ThumbnailSize.Height / bitmap.Height));
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(bitmap.Width * scale)), Math.Max(1, (int)Math.Round(bitmap.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var scaled = bitmap.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var data = scaled.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    /// <summary>A FONT record: the font zlib-compressed behind its header (not obfuscated).</summary>
    private static byte[] FontRecord(byte[] font)
    {
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(font);
        var record = new MemoryStream();
        record.Write("FONT"u8);
        record.Write((uint)font.Length);
        record.Write(1u); // zlib-compressed
        record.Write(24u); // data offset
        record.Write(0u); // no XOR key
        record.Write(24u);
        record.Write(compressed.ToArray());
        return record.ToArray();
    }

    /// <summary>
    /// A stylesheet with its references to the package's files (fonts, images) replaced by their
    /// resources; the references are the ones the EPUB writer made, found as written.
    /// </summary>
    private static string Stylesheet(string css, string cssPath, Dictionary<string, string> embed)
    {
        var directory = EpubPackage.Directory(cssPath);
        foreach (var (path, reference) in embed)
        {
            var relative = Path.GetRelativePath("/" + directory, "/" + path).Replace('\\', '/');
            var bare = reference.Contains('?') ? reference[..reference.IndexOf('?')] : reference;
            foreach (var quote in new[] { "", "\"", "'" })
                css = css.Replace($"url({quote}{relative}{quote})", $"url({bare})", StringComparison.Ordinal);
        }
        return css;
    }

    private static List<byte[]> TextRecords(ReadOnlySpan<byte> text, CancellationToken cancellationToken)
    {
        var records = new List<byte[]>();
        for (var start = 0; start < text.Length; start += RecordSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(text.Length, start + RecordSize);
            // The bytes of a character cut at the record's end follow it again, behind their count.
            var overlap = 0;
            if (end < text.Length)
            {
                var lead = end - 1;
                while (lead > start && (text[lead] & 0xC0) == 0x80) lead--;
                var length = text[lead] switch { >= 0xF0 => 4, >= 0xE0 => 3, >= 0xC0 => 2, _ => 1 };
                overlap = Math.Max(0, lead + length - end);
            }
            var compressed = PalmDoc.Compress(text.Slice(start, end - start));
            records.Add([.. compressed, .. text.Slice(end, overlap), (byte)overlap]);
        }
        return records;
    }

    private sealed record GuideEntry(string Type, string Title, TextPosition Position);

    private static (List<GuideEntry> Guide, long? Start) Guide(EpubPackage package, Kf8Text text)
    {
        var guide = new List<GuideEntry>();
        long? start = null;
        if (package.Landmarks.TryGetValue("toc", out var toc)) guide.Add(new("toc", toc.Title, text.Position(toc.Target)));
        if (package.Landmarks.TryGetValue("bodymatter", out var body))
        {
            var position = text.Position(body.Target);
            guide.Add(new("text", body.Title, position));
            start = position.Absolute;
        }
        guide.Sort((a, b) => string.CompareOrdinal(a.Type, b.Type));
        return (guide, start);
    }

    private sealed class NcxEntry(string label, TextPosition position, int depth)
    {
        public string Label { get; } = label;
        public TextPosition Position { get; } = position;
        public int Depth { get; } = depth;
        public int Index { get; set; }
        public int Parent { get; set; } = -1;
        public int FirstChild { get; set; } = -1;
        public int LastChild { get; set; } = -1;
        public long Length { get; set; }
        public NcxEntry? ParentEntry { get; init; }
        public List<NcxEntry> Children { get; } = [];
    }

    /// <summary>The NCX index: the table of contents ordered by depth, then position, with its links between levels.</summary>
    private static List<NcxEntry> NcxEntries(IReadOnlyList<TocEntry> toc, Kf8Text text)
    {
        var all = new List<NcxEntry>();
        void Add(TocEntry entry, NcxEntry? parent, int depth)
        {
            var e = new NcxEntry(entry.Label, text.Position(entry.Target), depth) { ParentEntry = parent };
            all.Add(e);
            parent?.Children.Add(e);
            foreach (var child in entry.Children) Add(child, e, depth + 1);
        }
        foreach (var entry in toc) Add(entry, null, 0);
        var order = all.Select((e, i) => (e, i)).ToDictionary(x => x.e, x => x.i);
        var ordered = all.OrderBy(e => e.Depth).ThenBy(e => e.Position.Absolute).ThenBy(e => order[e]).ToList();
        for (var i = 0; i < ordered.Count; i++) ordered[i].Index = i;
        var total = text.AssembledLength;
        // An entry runs to the next entry at its depth or above.
        var byPosition = all.OrderBy(e => e.Position.Absolute).ThenBy(e => order[e]).ToList();
        for (var i = 0; i < byPosition.Count; i++)
        {
            var e = byPosition[i];
            var next = total;
            for (var j = i + 1; j < byPosition.Count; j++)
            {
                var o = byPosition[j];
                if (o.Depth <= e.Depth && o.Position.Absolute > e.Position.Absolute)
                {
                    next = o.Position.Absolute;
                    break;
                }
            }
            e.Length = next - e.Position.Absolute;
        }
        foreach (var e in ordered)
        {
            if (e.ParentEntry is { } p) e.Parent = p.Index;
            if (e.Children.Count > 0)
            {
                e.FirstChild = e.Children.Min(c => c.Index);
                e.LastChild = e.Children.Max(c => c.Index);
            }
        }
        return ordered;
    }

    private static byte[] Exth(EpubPackage package, Azw3Options options, int? cover, int? thumbnail, long? start, int resourceCount)
    {
        var records = new List<(uint Code, byte[] Data)>();
        void Text(uint code, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) records.Add((code, Encoding.UTF8.GetBytes(value.Trim())));
        }
        void Number(uint code, long value) => records.Add((code, UInt32((uint)value)));

        foreach (var creator in package.Creators) Text(100, creator);
        Text(101, package.Publisher);
        Text(103, package.Description);
        foreach (var subject in package.Subjects) Text(105, subject);
        Text(106, package.Date ?? options.Modified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var uuid = package.Identifier.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase) ? package.Identifier[9..] : package.Identifier;
        Text(112, package.Identifier);
        // An ASIN and the EBOK type make a sideloaded book a book (not a personal document) on a
        // Kindle, with its cover in the library.
        Text(113, uuid);
        Text(501, "EBOK");
        Text(503, string.IsNullOrWhiteSpace(package.Title) ? "Unknown" : package.Title);
        Text(524, package.Language);
        // The creator software KindleGen 2 writes; readers enable KF8 features by it (calibre does the same).
        Number(204, 201);
        Number(205, 2);
        Number(206, 9);
        Number(207, 0);
        Text(535, "0730-890adc2");
        if (cover is { } c)
        {
            Number(201, c);
            Number(203, 0);
        }
        if (thumbnail is { } t)
        {
            Number(202, t);
            Text(129, "kindle:embed:" + Base32(t, 4));
        }
        if (start is { } s) Number(116, s);
        Number(125, resourceCount);
        Number(131, 0);
        // The writing mode and page progression, as KindleGen writes them (a vertical book: vertical-rl and rtl).
        if (package.WritingMode is { } mode) Text(525, mode);
        else if (package.PageProgression is "rtl") Text(525, "horizontal-rl");
        if (package.PageProgression is "rtl") Text(527, "rtl");
        Text(528, "true"); // the book's fonts, not the reader's

        var body = new MemoryStream();
        foreach (var (code, data) in records)
        {
            body.Write(code);
            body.Write((uint)(data.Length + 8));
            body.Write(data);
        }
        var pad = 4 - (int)(body.Length % 4); // always at least one byte, as KindleGen pads
        return [.. "EXTH"u8, .. UInt32((uint)(body.Length + 12)), .. UInt32((uint)records.Count), .. body.ToArray(), .. new byte[pad]];
    }

    /// <summary>The MOBI language code: the Windows locale identifier of the book's language.</summary>
    internal static uint LanguageCode(string language)
    {
        try
        {
            var lcid = CultureInfo.GetCultureInfo(language).LCID;
            return lcid is 0x1000 or 0x7F ? 0u : (uint)lcid;
        }
        catch (CultureNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>The PalmDB name: the title's ASCII letters and digits (31 at most), else one from the book's uid.</summary>
    private static string PalmName(string title, uint uid)
    {
        var ascii = new string([.. title.Select(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' ? c : c == ' ' ? '_' : '\0').Where(c => c != '\0')]).Trim('_');
        if (ascii.Length == 0) ascii = "ebook_" + uid.ToString("x8", CultureInfo.InvariantCulture);
        return ascii.Length > 31 ? ascii[..31] : ascii;
    }

    private static void WritePalmDb(Stream output, string name, DateTimeOffset modified, List<byte[]> records)
    {
        var header = new MemoryStream();
        var nameBytes = Encoding.ASCII.GetBytes(name);
        header.Write(nameBytes);
        header.Write(new byte[32 - nameBytes.Length]);
        var time = (uint)Math.Max(0, modified.ToUnixTimeSeconds());
        header.WriteShort(0);
        header.WriteShort(0);
        header.Write(time);
        header.Write(time);
        header.Write(0u);
        header.Write(0u);
        header.Write(0u);
        header.Write(0u);
        header.Write("BOOKMOBI"u8);
        header.Write((uint)(2 * records.Count - 1)); // unique id seed
        header.Write(0u);
        header.WriteShort((ushort)records.Count);
        long offset = header.Length + 8L * records.Count + 2;
        for (var i = 0; i < records.Count; i++)
        {
            header.Write((uint)offset);
            header.Write((uint)(2 * i) & 0x00FFFFFF);
            offset += records[i].Length;
        }
        header.WriteShort(0);
        output.Write(header.ToArray());
        foreach (var record in records) output.Write(record);
    }
}
