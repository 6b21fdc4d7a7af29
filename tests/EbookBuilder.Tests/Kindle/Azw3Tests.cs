using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EbookBuilder.Kindle;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Kindle;

/// <summary>
/// The Kindle book (AZW3, KF8) our own writer makes: its records read back by us (PalmDB, MOBI 8
/// header, EXTH, PalmDOC text) and by calibre, the oracle: metadata, text, images and contents.
/// </summary>
public sealed partial class Azw3Tests
{
    private static readonly string Example = Path.Combine(TestPaths.RepoRoot, "examples", "weekly", "book.toml");

    [Fact]
    public void PalmDoc_compression_round_trips_markup_chinese_text_and_binary_bytes()
    {
        var random = new Random(7);
        var binary = new byte[4096];
        random.NextBytes(binary);
        var samples = new[]
        {
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p class=\"a\">夜班公交延长到凌晨两点。 Night bus, 2 a.m.</p>\n", 120))[..4000]),
            binary,
            Encoding.UTF8.GetBytes(new string(' ', 100) + "\u0001\u0008\t" + new string('x', 50)),
            [],
        };
        foreach (var sample in samples)
        {
            var compressed = PalmDoc.Compress(sample);
            Assert.Equal(sample, PalmDoc.Decompress(compressed));
        }
        var markup = samples[0];
        Assert.True(PalmDoc.Compress(markup).Length < markup.Length / 3, "repeated markup compresses");
    }

    [Fact]
    public void Variable_width_integers_and_base_32_references_are_kf8s()
    {
        Assert.Equal([0x04, 0x22, 0x91], MobiEncoding.VarInt(0x11111));
        Assert.Equal([0x84, 0x22, 0x11], MobiEncoding.VarInt(0x11111, forward: false));
        Assert.Equal((0x11111L, 3), MobiEncoding.ReadVarInt([0x04, 0x22, 0x91, 0xFF]));
        Assert.Equal("000V", MobiEncoding.Base32(31, 4));
        Assert.Equal("0000000010", MobiEncoding.Base32(32, 10));
        Assert.Equal(0x0804u, Azw3Writer.LanguageCode("zh-CN"));
    }

    [Fact]
    public void Trailing_byte_sequences_say_which_contents_entries_each_text_record_holds()
    {
        // Two chapters (0, 1) of two articles each (2, 3 and 4, 5) over three text records.
        TrailingIndex.Entry E(int index, long start, long end, int depth, int parent) => new(index, start, end - start, depth, parent);
        var entries = new[]
        {
            E(0, 2289, 5804, 0, -1), E(1, 5804, 8292, 0, -1),
            E(2, 2998, 4154, 1, 0), E(3, 4154, 5804, 1, 0), E(4, 6456, 7545, 1, 1), E(5, 7545, 8292, 1, 1),
        };
        var tbs = TrailingIndex.Build(entries, [4096, 4096, 100]);
        // Record 0: chapter 0 and its first article start: type 8, then article 2 (2 − 0).
        Assert.Equal([0x82, 0x88, 0xA0], tbs[0]);
        // Record 1: chapter 0 with articles 2 and 3 (a count of 2), then a second strand stepping
        // back from 3 to chapter 1 (3 − 1, continued), with articles 4 and 5 (4 − 1, a count of 2).
        Assert.Equal([0x82, 0x88, 0xA4, 0x02, 0xA8, 0xB4, 0x02], tbs[1]);
        // Record 2: chapter 1 and article 5 end there.
        Assert.Equal([0x8A, 0x88, 0xC0], tbs[2]);

        // One chapter and one article spanning a whole record: only the deepest keeps "spans".
        tbs = TrailingIndex.Build([E(0, 0, 10000, 0, -1), E(1, 100, 9000, 1, 0)], [4096, 4096, 4096]);
        Assert.Equal([0x82, 0x88, 0x91, 0x80], tbs[1]);
        // No entry: nothing.
        Assert.Empty(TrailingIndex.Build([E(0, 0, 10, 0, -1)], [4096, 4096])[1]);
    }

    [SkippableFact]
    public void Calibres_inspector_finds_the_trailing_byte_sequences_kindlegen_would_write()
    {
        Calibre.Require();
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Example, "-f", "azw3", "-o", temp.Path, "-q");
        Assert.True(code == 0, stderr);
        var output = Calibre.RunIn(temp.Path, "calibre-debug", "--inspect-mobi", temp.File("示例周刊.azw3"));
        Assert.Contains("Debug data saved", output);
        Assert.DoesNotContain("WARNING", output);
        var tbs = File.ReadAllText(Path.Combine(Directory.GetDirectories(temp.Path, "decompiled_*").Single(), "tbs.txt"));
        Assert.Matches("Record #0[\\s\\S]*?TBS Bytes: [0-9a-f]{2}", tbs);
    }

    [Fact]
    public void An_azw3_is_a_mobi_8_palmdb_with_exth_metadata_every_paragraph_and_a_resource_per_image_and_font()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Example, "-f", "epub,azw3", "--series", "示例周刊", "--issue", "12", "-o", temp.Path, "-q");
        Assert.True(code == 0, stderr);
        var book = Mobi.Read(File.ReadAllBytes(temp.File("示例周刊.azw3")));
        Assert.Equal("BOOKMOBI", book.Type);
        Assert.Equal(8u, book.Version);
        Assert.Equal("示例周刊", book.Exth[503].Single());
        Assert.Equal("示例编辑部", book.Exth[100].Single());
        Assert.Equal("zh-CN", book.Exth[524].Single());
        Assert.Equal("EBOK", book.Exth[501].Single());
        Assert.True(book.Exth.ContainsKey(201), "the cover's resource");
        Assert.True(book.Exth.ContainsKey(202), "the thumbnail's resource");
        var epub = new EpubContents(temp.File("示例周刊.epub"));
        var images = epub.Names.Count(n => n.StartsWith("OEBPS/images/", StringComparison.Ordinal));
        var fonts = epub.Names.Count(n => n.StartsWith("OEBPS/fonts/", StringComparison.Ordinal));
        Assert.Equal(images + 1 + fonts, book.Resources.Count); // the thumbnail is the one added
        Assert.Equal(fonts, book.Resources.Count(r => r.AsSpan(0, 4).SequenceEqual("FONT"u8)));
        // Every paragraph of the EPUB is in the text, with its markup.
        var text = book.Text;
        foreach (var paragraph in Paragraphs(epub)) Assert.Contains(paragraph, Plain(text));
        Assert.Contains("示例周刊第12期", Plain(text));
        Assert.Contains("kindle:flow:0001?mime=text/css", text);
        Assert.Matches("<img src=\"kindle:embed:[0-9A-V]{4}\\?mime=image/jpeg\"", text);
        Assert.DoesNotContain("epub:type", text);
        Assert.DoesNotMatch("href=\"[^\"]*\\.xhtml", text);
        // The same book gives the same bytes.
        using var again = new TempFolder();
        CliRun.Invoke("build", Example, "-f", "azw3", "--series", "示例周刊", "--issue", "12", "-o", again.Path, "-q");
        Assert.Equal(File.ReadAllBytes(temp.File("示例周刊.azw3")), File.ReadAllBytes(again.File("示例周刊.azw3")));
    }

    [Fact]
    public void Format_azw3_is_named_on_the_command_line_and_output_naming_an_azw3_file_writes_it()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", TestPaths.Fixture("book", "pages", "cat1"), "-o", temp.File("book.azw3"), "--no-images", "-q");
        Assert.True(code == 0, stderr);
        Assert.Equal("book.azw3", Path.GetFileName(Assert.Single(Directory.GetFiles(temp.Path))));
        (code, _, stderr) = CliRun.Invoke("build", TestPaths.Fixture("book", "pages", "cat1"), "-f", "azw", "-o", temp.File("out"), "--no-images");
        Assert.Equal(1, code);
        Assert.Contains("did you mean azw3", stderr);
        (code, _, stderr) = CliRun.Invoke("build", TestPaths.Fixture("book", "pages", "cat1"), "-f", "mobi", "-o", temp.File("out"), "--no-images");
        Assert.Equal(1, code);
        Assert.Contains("for a Kindle, give azw3", stderr);
    }

    [SkippableFact]
    public void Calibre_reads_the_azw3_back_with_its_metadata_text_images_and_contents()
    {
        Calibre.Require();
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Example, "-f", "epub,azw3", "--series", "示例周刊", "--issue", "12", "-o", temp.Path, "-q");
        Assert.True(code == 0, stderr);
        var azw3 = temp.File("示例周刊.azw3");
        var meta = Calibre.Run("ebook-meta", azw3);
        Assert.Matches("Title\\s*: 示例周刊", meta);
        Assert.Matches("Author\\(s\\)\\s*: 示例编辑部", meta);
        Assert.Matches("Publisher\\s*: EbookBuilder", meta);
        Assert.Matches("Languages\\s*: zho", meta);

        Calibre.Run("ebook-convert", azw3, temp.File("back.epub"));
        var ours = new EpubContents(temp.File("示例周刊.epub"));
        var back = new EpubContents(temp.File("back.epub"));
        var backText = Plain(string.Concat(back.Texts.Where(t => t.Key.EndsWith(".html", StringComparison.Ordinal) || t.Key.EndsWith(".xhtml", StringComparison.Ordinal)).Select(t => t.Value)));
        var paragraphs = Paragraphs(ours).ToList();
        Assert.NotEmpty(paragraphs);
        var missing = paragraphs.Where(p => !backText.Contains(p, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count <= paragraphs.Count / 100, $"{missing.Count} of {paragraphs.Count} paragraphs lost: {string.Join(" | ", missing.Take(5))}");
        Assert.Contains("示例周刊第12期", backText);
        Assert.Equal(ours.Names.Count(n => n.StartsWith("OEBPS/images/", StringComparison.Ordinal)),
            back.Names.Count(n => Regex.IsMatch(n, "\\.(jpe?g|png|gif)$") && !n.Contains("thumbnail", StringComparison.Ordinal)));
        Assert.Equal(ours.Names.Count(n => n.StartsWith("OEBPS/fonts/", StringComparison.Ordinal)), back.Names.Count(n => n.EndsWith(".ttf", StringComparison.Ordinal)));
        Assert.Equal(TocLabels(ours.Texts["OEBPS/toc.ncx"]), TocLabels(back.Texts.Single(t => t.Key.EndsWith("toc.ncx", StringComparison.Ordinal)).Value));
    }

    /// <summary>The text of every paragraph, list item and heading of the EPUB's content pages, without whitespace.</summary>
    internal static IEnumerable<string> Paragraphs(EpubContents epub)
    {
        XNamespace x = "http://www.w3.org/1999/xhtml";
        foreach (var (name, xhtml) in epub.Texts.Where(t => t.Key.StartsWith("OEBPS/text/", StringComparison.Ordinal)))
        {
            var doc = XDocument.Parse(xhtml.Replace("<!DOCTYPE html>", ""));
            foreach (var e in doc.Descendants().Where(e => e.Name.LocalName is "p" or "li" or "h1" or "h2" or "h3" or "figcaption"))
            {
                var text = Plain(e.Value);
                if (text.Length > 0) yield return text;
            }
        }
    }

    /// <summary>Text without tags and whitespace, entities as characters.</summary>
    internal static string Plain(string markup) =>
        System.Net.WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(markup, ""), ""));

    private static List<string> TocLabels(string ncx) =>
        [.. XDocument.Parse(ncx).Descendants().Where(e => e.Name.LocalName == "text" && e.Parent?.Name.LocalName == "navLabel").Select(e => e.Value.Trim())];

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();

    /// <summary>A MOBI file read record by record, the way the MobileRead wiki describes it.</summary>
    private sealed record Mobi(string Type, uint Version, Dictionary<uint, List<string>> Exth, string Text, List<byte[]> Resources)
    {
        public static Mobi Read(byte[] file)
        {
            var type = Encoding.ASCII.GetString(file, 60, 8);
            var count = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(76));
            var offsets = Enumerable.Range(0, count).Select(i => (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(78 + 8 * i))).Append(file.Length).ToArray();
            byte[] Record(int i) => file[offsets[i]..offsets[i + 1]];
            var r0 = Record(0);
            Assert.Equal("MOBI", Encoding.ASCII.GetString(r0, 16, 4));
            var textLength = BinaryPrimitives.ReadUInt32BigEndian(r0.AsSpan(4));
            var textRecords = BinaryPrimitives.ReadUInt16BigEndian(r0.AsSpan(8));
            var version = BinaryPrimitives.ReadUInt32BigEndian(r0.AsSpan(36));
            var firstResource = (int)BinaryPrimitives.ReadUInt32BigEndian(r0.AsSpan(108));
            var fdst = (int)BinaryPrimitives.ReadUInt32BigEndian(r0.AsSpan(192));
            var exth = new Dictionary<uint, List<string>>();
            var headerLength = (int)BinaryPrimitives.ReadUInt32BigEndian(r0.AsSpan(20));
            var at = 16 + headerLength;
            Assert.Equal("EXTH", Encoding.ASCII.GetString(r0, at, 4));
            var entries = BinaryPrimitives.ReadUInt32BigEndian(r0.AsSpan(at + 8));
            var p = at + 12;
            for (var i = 0; i < entries; i++)
            {
                var code = BinaryPrimitives.ReadUInt32BigEndian(r0.AsSpan(p));
                var size = (int)BinaryPrimitives.ReadUInt32BigEndian(r0.AsSpan(p + 4));
                exth.TryAdd(code, []);
                exth[code].Add(Encoding.UTF8.GetString(r0, p + 8, size - 8));
                p += size;
            }
            // Each text record ends with its trailing entries: from the end, one per flag above the
            // lowest (a size as a backward variable-width integer), then the multibyte overlap.
            var extraFlags = BinaryPrimitives.ReadUInt16BigEndian(r0.AsSpan(0xF2));
            var text = new MemoryStream();
            for (var i = 1; i <= textRecords; i++)
            {
                var record = Record(i);
                var end = record.Length;
                for (var flags = extraFlags >> 1; flags != 0; flags >>= 1)
                {
                    if ((flags & 1) == 0) continue;
                    var (size, shift, back) = (0, 0, end - 1);
                    for (; ; back--)
                    {
                        size |= (record[back] & 0x7F) << shift;
                        shift += 7;
                        if ((record[back] & 0x80) != 0) break;
                    }
                    end -= size;
                }
                if ((extraFlags & 1) != 0) end -= (record[end - 1] & 3) + 1;
                text.Write(PalmDoc.Decompress(record.AsSpan(0, end)));
            }
            Assert.Equal(textLength, (uint)text.Length);
            var resources = Enumerable.Range(firstResource, fdst - firstResource).Select(Record).ToList();
            return new Mobi(type, version, exth, Encoding.UTF8.GetString(text.ToArray()), resources);
        }
    }
}
