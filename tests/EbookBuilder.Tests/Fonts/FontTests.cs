using System.CommandLine;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using EbookBuilder.Cli;
using EbookBuilder.Fonts;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Fonts;

public sealed class FontTests
{
    private static readonly string Regular = Path.Combine(TestPaths.RepoRoot, "fonts", "LXGWWenKai-Regular.ttf");

    [Fact]
    public void Bundled_font_is_truetype_cjk_regular_and_bold()
    {
        var faces = FontCatalog.Bundled(Path.Combine(TestPaths.RepoRoot, "fonts"));
        try
        {
            Assert.Equal(["Bold", "Regular"], faces.Select(f => f.Style).Order());
            Assert.All(faces, f => Assert.Equal(("LXGW WenKai", "TrueType", true), (f.Family, f.Outline, f.IsCjk)));
        }
        finally
        {
            foreach (var face in faces) face.Dispose();
        }
    }

    [Fact]
    public void Subset_has_exactly_the_characters_asked_for()
    {
        using var font = FontFile.Open(Regular)!;
        var wanted = "中文排版，标点。ABC123".EnumerateRunes().Select(r => r.Value).ToHashSet();
        var bytes = FontSubsetter.Subset(font, wanted);
        using var subset = FontFile.FromBytes(bytes)!;
        Assert.All(wanted, c => Assert.True(subset.Covers(c), $"U+{c:X4} missing from the subset"));
        Assert.Equal(wanted.Count, subset.CharacterCount);
        Assert.False(subset.Covers('国'));
        Assert.True(bytes.Length < 40_000, $"{bytes.Length} bytes for {wanted.Count} characters");
        Assert.Equal(0x00010000u, (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3])); // TrueType
    }

    [Fact]
    public void A_character_no_font_has_is_reported_with_its_article_and_the_book_still_builds()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "book");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.html"), "<html><body><article><h1>私用字</h1><p>这个字\uE000没有字形。</p></article></body></html>");
        File.WriteAllText(Path.Combine(folder, "b.html"), "<html><body><article><h1>普通</h1><p>普通的文字。</p></article></body></html>");
        var result = TestBuild.Run(temp, [folder], fonts: TestBuild.BundledFonts with { SystemFallbacks = false });
        var missing = Assert.Single(result.Fonts.Uncovered);
        Assert.Equal(0xE000, missing.Codepoint);
        Assert.Equal([Path.Combine(folder, "a.html")], missing.Articles);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "FNT001");
        Assert.Contains("U+E000", warning.Message);
        var reportPath = temp.File("r.json");
        EbookBuilder.Pipeline.BuildReport.From(result).Save(reportPath);
        var uncovered = JsonDocument.Parse(File.ReadAllText(reportPath)).RootElement.GetProperty("uncovered")[0];
        Assert.Equal("U+E000", uncovered.GetProperty("codepoint").GetString());
        Assert.EndsWith("a.html", uncovered.GetProperty("articles")[0].GetString());
    }

    [Fact]
    public void Obfuscated_fonts_are_not_plain_truetype_and_deobfuscate_to_the_subset()
    {
        using var plainOut = new TempFolder();
        using var obfuscatedOut = new TempFolder();
        var inputs = new[] { TestPaths.Fixture("book", "pages", "cat1") };
        var plain = TestBuild.Run(plainOut, inputs, fonts: TestBuild.BundledFonts);
        var obfuscated = TestBuild.Run(obfuscatedOut, inputs, fonts: TestBuild.BundledFonts, obfuscateFonts: true);
        using var zip = ZipFile.OpenRead(obfuscated.Outputs[0].Path);
        var opf = XDocument.Load(zip.GetEntry("OEBPS/content.opf")!.Open());
        var identifier = opf.Descendants(XName.Get("identifier", "http://purl.org/dc/elements/1.1/")).Single().Value;
        var encryption = XDocument.Load(zip.GetEntry("META-INF/encryption.xml")!.Open());
        var references = encryption.Descendants(XName.Get("CipherReference", "http://www.w3.org/2001/04/xmlenc#")).Select(e => e.Attribute("URI")!.Value).ToList();
        Assert.Equal(plain.Fonts.Faces.Count, references.Count);
        var key = SHA1.HashData(Encoding.UTF8.GetBytes(identifier));
        foreach (var face in plain.Fonts.Faces)
        {
            using var stream = new MemoryStream();
            zip.GetEntry("OEBPS/fonts/" + face.FileName)!.Open().CopyTo(stream);
            var stored = stream.ToArray();
            Assert.NotEqual(new byte[] { 0, 1, 0, 0 }, stored[..4]);
            for (var i = 0; i < 1040; i++) stored[i] ^= key[i % 20];
            Assert.Equal(face.Bytes, stored);
            Assert.Contains("OEBPS/fonts/" + face.FileName, references);
        }
    }

    [SkippableFact]
    public void Obfuscated_font_book_passes_epubcheck()
    {
        using var temp = new TempFolder();
        var result = TestBuild.Run(temp, [TestPaths.Fixture("book", "pages", "cat1")], fonts: TestBuild.BundledFonts, obfuscateFonts: true);
        EpubCheck.AssertValid(result.Outputs[0].Path);
    }

    [Fact]
    public void Stylesheet_declares_the_embedded_faces_and_uses_them_for_the_body()
    {
        using var temp = new TempFolder();
        var result = TestBuild.Run(temp, [TestPaths.Fixture("book", "pages", "cat1")], fonts: TestBuild.BundledFonts);
        var css = new EpubContents(result.Outputs[0].Path).Texts["OEBPS/styles/book.css"];
        Assert.Contains("src: url(../fonts/font-0-400.ttf);", css);
        Assert.Contains("src: url(../fonts/font-0-700.ttf);", css);
        Assert.Contains("font-family: \"EbookBuilder 0\", serif;", css);
        var opf = new EpubContents(result.Outputs[0].Path).Texts["OEBPS/content.opf"];
        Assert.Contains("href=\"fonts/font-0-400.ttf\" media-type=\"font/ttf\"", opf);
    }

    [Fact]
    public void A_font_file_can_be_chosen_and_an_unknown_family_is_a_clear_error()
    {
        using var temp = new TempFolder();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var ok = CommandLine.Create().Parse(["build", TestPaths.Fixture("book", "pages", "cat1"), "-o", temp.Path, "--no-images",
            "--font", Path.Combine(TestPaths.RepoRoot, "fonts", "LXGWWenKai-Bold.ttf"), "--report", temp.File("r.json")])
            .Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        Assert.Equal(0, ok);
        var fonts = JsonDocument.Parse(File.ReadAllText(temp.File("r.json"))).RootElement.GetProperty("fonts");
        Assert.EndsWith("LXGWWenKai-Bold.ttf", fonts[0].GetProperty("file").GetString());
        var bad = CommandLine.Create().Parse(["build", TestPaths.Fixture("book", "pages", "cat1"), "-o", temp.Path, "--font", "No Such Family Sans"])
            .Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        Assert.Equal(1, bad);
        Assert.Contains("No Such Family Sans", stderr.ToString());
        Assert.Contains("ebook fonts", stderr.ToString());
    }

    [Fact]
    public void A_missing_font_stops_the_build_at_once_even_while_an_image_hangs()
    {
        // Fonts are subset while the images are fetched: a font that cannot be found must not
        // wait for the downloads (here one that would take the whole 30-second attempt).
        using var hang = new CancellationTokenSource();
        using var server = new ImageServer().Map("/slow.jpg", async (context, _) => await Task.Delay(TimeSpan.FromSeconds(30), hang.Token));
        using var temp = new TempFolder();
        var article = temp.Write("pages/a.html", $"<h1>标题</h1><p>正文。</p><p><img src=\"{server.Url("/slow.jpg")}\"></p>");
        var stderr = new StringWriter();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var exit = CommandLine.Create().Parse(["build", Path.GetDirectoryName(article)!, "-o", temp.File("out"), "--font", "No Such Family Sans", "--cache-dir", temp.File("cache")])
            .Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = stderr });
        hang.Cancel();
        Assert.Equal(1, exit);
        Assert.Contains("No Such Family Sans", stderr.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the font error took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.InRange(server.Hits("/slow.jpg"), 0, 1); // stopped, not retried
        Assert.False(Directory.Exists(temp.File("out")) && Directory.EnumerateFiles(temp.File("out")).Any());
    }

    [Fact]
    public void Fonts_command_lists_the_bundled_font_with_glyph_count_and_outline()
    {
        var stdout = new StringWriter();
        Assert.Equal(0, CommandLine.Create().Parse(["fonts"]).Invoke(new InvocationConfiguration { Output = stdout, Error = new StringWriter() }));
        Assert.Matches(@"bundled\tLXGW WenKai\tRegular\t\d{5}\tTrueType\t.*LXGWWenKai-Regular\.ttf", stdout.ToString());
    }

    [Theory]
    [InlineData("Noto Sans CJK SC", "zh-CN", 0)]
    [InlineData("Noto Sans CJK TC", "zh-CN", 2)]
    [InlineData("Noto Sans CJK JP", "zh-CN", 3)]
    [InlineData("Noto Serif CJK KR", "zh-CN", 3)]
    [InlineData("Droid Sans Fallback", "zh-CN", 1)]
    [InlineData("Noto Sans CJK TC", "zh-TW", 0)]
    [InlineData("Noto Sans CJK HK", "zh-Hant-HK", 0)]
    [InlineData("Noto Sans CJK SC", "zh-TW", 2)]
    public void Fallback_faces_for_the_book_s_variant_of_Chinese_come_first(string family, string language, int rank) =>
        Assert.Equal(rank, FontCatalog.VariantRank(family, language));

    /// <summary>
    /// Characters the bundled font lacks, of the kinds the archives hold: emoji, a dingbat, CJK
    /// Extension A and B, and a private-use character no face should be searched for.
    /// </summary>
    private const string Uncovered = "提醒\U0001F514爱心\u2764罕见\u4102\u3C6C\U000201A4私用\uE000。";

    [SkippableFact]
    public void Installed_faces_fill_what_the_bundled_font_lacks_with_TrueType_outlines_only()
    {
        // CI installs Symbola, Droid Sans Fallback, HanaMin and Noto CJK (CFF, never to be taken): see .ci/run.
        var symbola = File.Exists("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf");
        if (!symbola && Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("fonts-symbola is missing on CI: .ci/run must install it");
        Skip.IfNot(symbola, "fonts-symbola not installed: the fallback test is skipped");
        using var temp = new TempFolder();
        temp.Write("pages/01.md", "# 罕见字\n\n" + Uncovered + "\n");
        var result = TestBuild.Run(temp, [temp.File("pages")], fonts: TestBuild.BundledFonts, formats: EbookBuilder.Pipeline.OutputFormats.All);
        foreach (var face in result.Fonts.Faces)
        {
            using var subset = FontFile.FromBytes(face.Bytes)!;
            Assert.True(subset.HasTrueTypeOutlines, $"{face.Family} ({face.SourceFile}) is {subset.Outline}: Skia would write it as Type 3");
        }
        Assert.Contains(result.Fonts.Faces, f => f.Family == "Symbola" && f.Codepoints.Contains(0x1F514));
        Assert.Equal([0xE000], result.Fonts.Uncovered.Select(u => u.Codepoint)); // only the private-use character
        var pdf = result.Outputs.Single(o => o.Format == "pdf").Path;
        Poppler.Require();
        Assert.DoesNotContain("Type 3", Poppler.Run("pdffonts", pdf));
    }
}
