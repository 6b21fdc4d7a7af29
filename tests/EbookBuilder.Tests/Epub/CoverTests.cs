using System.Security.Cryptography;
using System.Xml.Linq;
using EbookBuilder.Images;
using EbookBuilder.Tests.Support;
using SkiaSharp;

namespace EbookBuilder.Tests.Epub;

public sealed class CoverTests
{
    private static readonly string[] Inputs = [TestPaths.Fixture("book", "pages")];

    [SkippableFact]
    public void A_drawn_cover_is_an_e_reader_sized_jpeg_referenced_as_the_cover_and_shown_first()
    {
        using var temp = new TempFolder();
        var result = TestBuild.Run(temp, Inputs, title: "测试封面", fonts: TestBuild.BundledFonts, cover: true);
        var epub = new EpubContents(result.Outputs[0].Path);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(result.Outputs[0].Path))
        using (var stream = new MemoryStream())
        {
            zip.GetEntry("OEBPS/images/cover.jpg")!.Open().CopyTo(stream);
            using var codec = SKCodec.Create(SKData.CreateCopy(stream.ToArray()));
            Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            Assert.Equal((1600, 2400), (codec.Info.Width, codec.Info.Height));
        }
        var opf = XDocument.Parse(epub.Texts["OEBPS/content.opf"]);
        XNamespace o = "http://www.idpf.org/2007/opf";
        var item = opf.Descendants(o + "item").Single(i => (string?)i.Attribute("properties") == "cover-image");
        Assert.Equal("images/cover.jpg", item.Attribute("href")!.Value);
        Assert.Contains(opf.Descendants(o + "meta"), m => (string?)m.Attribute("name") == "cover" && (string?)m.Attribute("content") == item.Attribute("id")!.Value);
        Assert.Equal("cover", opf.Descendants(o + "itemref").First().Attribute("idref")!.Value);
        Assert.Contains("src=\"../images/cover.jpg\"", epub.Texts["OEBPS/text/cover.xhtml"]);
        Assert.Contains("epub:type=\"cover\"", epub.Texts["OEBPS/nav.xhtml"]);
        EpubCheck.AssertValid(result.Outputs[0].Path);
    }

    [Fact]
    public void The_same_book_draws_the_same_cover_bytes()
    {
        using var one = new TempFolder();
        using var two = new TempFolder();
        var a = File.ReadAllBytes(TestBuild.Run(one, Inputs, title: "测试封面", fonts: TestBuild.BundledFonts, cover: true).Outputs[0].Path);
        var b = File.ReadAllBytes(TestBuild.Run(two, Inputs, title: "测试封面", fonts: TestBuild.BundledFonts, cover: true).Outputs[0].Path);
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_drawn_cover_is_kept_in_the_image_cache_verified_and_drawn_again_when_what_it_shows_changes()
    {
        using var temp = new TempFolder();
        var cache = temp.File("cache");
        var fonts = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "fonts"), "*.ttf").Order(StringComparer.Ordinal).ToList();
        string[] chapters = ["第一章", "第二章"];
        byte[] Cover(string title) => CoverRenderer.RenderCached(cache, title, "2026年11月", chapters, fonts);

        var drawn = Cover("封面缓存");
        Assert.Equal(CoverRenderer.Render("封面缓存", "2026年11月", chapters, fonts), drawn);
        var pointer = Assert.Single(Directory.GetFiles(Path.Combine(cache, "covers"), "*", SearchOption.AllDirectories));
        var hash = File.ReadAllText(pointer).Trim();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(drawn)), hash);

        // The next build takes the cover from the cache: point the entry at other (verified) bytes and they come back.
        byte[] stand = [0xFF, 0xD8, 0xFF, 0xD9];
        var standHash = Convert.ToHexStringLower(SHA256.HashData(stand));
        Directory.CreateDirectory(Path.Combine(cache, "blobs", standHash[..2]));
        File.WriteAllBytes(Path.Combine(cache, "blobs", standHash[..2], standHash), stand);
        File.WriteAllText(pointer, standHash);
        Assert.Equal(stand, Cover("封面缓存"));

        // A damaged entry is not used: the cover is drawn again, and stored again.
        File.WriteAllBytes(Path.Combine(cache, "blobs", standHash[..2], standHash), [0xFF, 0xD8, 0x00, 0xD9]);
        Assert.Equal(drawn, Cover("封面缓存"));
        Assert.Equal(hash, File.ReadAllText(pointer).Trim());

        // Another title is another cover.
        var other = Cover("另一本书");
        Assert.NotEqual(drawn, other);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(cache, "covers"), "*", SearchOption.AllDirectories).Length);
    }
}
