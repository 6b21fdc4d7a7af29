using System.Text.RegularExpressions;
using EbookBuilder.Assembly.Scripts;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Scripts;

/// <summary>
/// --script converts the whole book with OpenCC, phrase by phrase, leaving web addresses alone;
/// --quotes sets the quotation marks; the book's language, labels and fonts follow.
/// </summary>
public sealed partial class ScriptConversionTests
{
    private static readonly string Pages = TestPaths.Fixture("script", "pages");

    [SkippableFact]
    public void Opencc_converts_by_phrase_for_each_script()
    {
        OpenCcLibrary.Require();
        using (var traditional = ScriptConverter.Open(ChineseScript.Traditional))
        {
            Assert.Equal("後來他把頭髮剪短了", traditional.Convert("后来他把头发剪短了"));
            Assert.Equal("皇后說", traditional.Convert("皇后说")); // 后 is 後 in 后来, but not in 皇后
        }
        using (var taiwan = ScriptConverter.Open(ChineseScript.Taiwan))
            Assert.Equal("這套軟體的網路服務", taiwan.Convert("这套软件的网络服务")); // Taiwan's words, not only its characters
        using (var hongKong = ScriptConverter.Open(ChineseScript.HongKong))
            Assert.Equal("他説", hongKong.Convert("他说"));
        using (var simplified = ScriptConverter.Open(ChineseScript.Simplified))
            Assert.Equal("头发与软体", simplified.Convert("頭髮與軟體"));
    }

    [SkippableFact]
    public void Web_addresses_in_text_are_not_converted_and_many_strings_convert_in_one_call()
    {
        OpenCcLibrary.Require();
        using var converter = ScriptConverter.Open(ChineseScript.Traditional);
        Assert.Equal("見 https://zh.example.org/wiki/头发 。頭髮", converter.Convert("见 https://zh.example.org/wiki/头发 。头发"));
        Assert.Equal("網址 www.example.org/软件，軟件", converter.Convert("网址 www.example.org/软件，软件"));
        var texts = new[] { "头发", "", "plain text", "后来\uE000皇后", "软件" };
        Assert.Equal(["頭髮", "", "plain text", "後來\uE000皇后", "軟件"], converter.ConvertAll(texts));
        Assert.Equal(["頭髮", "軟件"], converter.ConvertAll(["头发", "软件"]));
    }

    [SkippableFact]
    public void Missing_opencc_dictionaries_are_an_error_that_names_the_package()
    {
        OpenCcLibrary.Require();
        using var empty = new TempFolder();
        var e = Assert.Throws<ScriptUnavailableException>(() => ScriptConverter.Open(ChineseScript.Traditional, empty.Path));
        Assert.Contains("apt-get install libopencc-data", e.Message);
        Assert.Contains("s2t.json", e.Message);
    }

    [Theory]
    [InlineData("他说：“这套软件‘很好用’。”", "他说：「这套软件『很好用』。」")]
    [InlineData("“很好”", "「很好」")]
    [InlineData("The editor said “don’t wait”, and they didn’t.", "The editor said “don’t wait”, and they didn’t.")]
    [InlineData("他说“OK”就走了", "他说「OK」就走了")]
    [InlineData("在1990’s年代", "在1990’s年代")]
    public void Corner_quotes_replace_curly_ones_in_chinese_text_only(string text, string expected) =>
        Assert.Equal(expected, QuoteStyle.Corner.Apply(text));

    [Fact]
    public void Curly_quotes_replace_corner_brackets_and_keep_leaves_the_text_alone()
    {
        Assert.Equal("他说：“这套‘很好用’。”", QuoteStyle.Curly.Apply("他说：「这套『很好用』。」"));
        Assert.Equal("他说：「好」", QuoteStyle.Keep.Apply("他说：「好」"));
    }

    [SkippableFact]
    public void A_taiwan_book_with_corner_quotes_is_converted_everywhere_but_its_links()
    {
        OpenCcLibrary.Require();
        EpubCheck.RequireAvailable();
        Poppler.Require();
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Pages, "--script", "taiwan", "--quotes", "corner", "--title", "新闻周刊", "--author", "编辑部",
            "-f", "epub,pdf", "--no-images", "-o", temp.Path, "-q");
        Assert.True(code == 0, stderr);
        var epubPath = Directory.GetFiles(temp.Path, "*.epub").Single();
        var epub = new EpubContents(epubPath);
        var opf = epub.Texts["OEBPS/content.opf"];
        Assert.Contains("<dc:language>zh-TW</dc:language>", opf);
        Assert.Contains("新聞週刊", opf);
        Assert.Contains("編輯部", opf);
        Assert.Contains("目錄", epub.Texts["OEBPS/nav.xhtml"]);
        var article = string.Concat(epub.Texts.Where(t => t.Key.StartsWith("OEBPS/text/c", StringComparison.Ordinal)).Select(t => t.Value));
        Assert.Contains("後來他把頭髮剪短了", article);
        Assert.Contains("皇后", article);
        Assert.Contains("「這套軟體『很好用』", article);
        Assert.Contains("“don’t wait”", article);
        Assert.Contains("頭髮的條目", article); // a link's words are text
        Assert.Contains("href=\"https://example.org/wiki/%E5%A4%B4%E5%8F%91\"", article); // its target is not
        Assert.Contains("https://example.org/wiki/软件", article); // nor an address in the text
        Assert.Contains("圖為新的髮型設計", article);
        Assert.Contains("網路服務", article);
        Assert.Contains("xml:lang=\"zh-TW\"", article);
        Assert.DoesNotMatch("头发|软件公司|后来", Regex.Replace(article, "https?://\\S+", ""));
        EpubCheck.AssertValid(epubPath);

        var pdfText = Poppler.Run("pdftotext", Directory.GetFiles(temp.Path, "*.pdf").Single(), "-");
        var plain = Whitespace().Replace(pdfText, "");
        Assert.Contains("後來他把頭髮剪短了", plain);
        Assert.Contains("「這套軟體『很好用』", plain);
        Assert.Contains("目錄", plain);
    }

    [SkippableFact]
    public void A_language_of_the_scripts_variant_stays_and_a_book_file_may_ask_for_a_script()
    {
        OpenCcLibrary.Require();
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Pages, "--script", "traditional", "--language", "zh-Hant-TW", "--no-images", "-o", temp.Path, "-q");
        Assert.True(code == 0, stderr);
        Assert.Contains("<dc:language>zh-Hant-TW</dc:language>", new EpubContents(Directory.GetFiles(temp.Path, "*.epub").Single()).Texts["OEBPS/content.opf"]);

        using var book = new TempFolder();
        Directory.CreateDirectory(book.File("pages"));
        foreach (var file in Directory.GetFiles(Path.Combine(Pages, "生活"))) File.Copy(file, book.File(Path.Combine("pages", Path.GetFileName(file))));
        File.WriteAllText(book.File("book.toml"), "[book]\ntitle = \"头发\"\nscript = \"hongkong\"\n\n[[chapter]]\nsources = [\"pages\"]\n");
        (code, _, stderr) = CliRun.Invoke("build", book.File("book.toml"), "--no-images", "-o", book.File("out"), "-q");
        Assert.True(code == 0, stderr);
        var opf = new EpubContents(Directory.GetFiles(book.File("out"), "*.epub").Single()).Texts["OEBPS/content.opf"];
        Assert.Contains("<dc:language>zh-HK</dc:language>", opf);
        Assert.Contains(">頭髮</dc:title>", opf);

        // A script decides the language when the one given is Chinese of the other variant; one that names the script's variant stays.
        File.WriteAllText(book.File("book.toml"), "[book]\ntitle = \"头发\"\nlanguage = \"zh-CN\"\n\n[[chapter]]\nsources = [\"pages\"]\n");
        (code, _, stderr) = CliRun.Invoke("build", book.File("book.toml"), "--script", "taiwan", "--no-images", "-o", book.File("tw"), "-q");
        Assert.True(code == 0, stderr);
        Assert.Contains("<dc:language>zh-TW</dc:language>", new EpubContents(Directory.GetFiles(book.File("tw"), "*.epub").Single()).Texts["OEBPS/content.opf"]);
        File.WriteAllText(book.File("book.toml"), "[book]\ntitle = \"头发\"\nlanguage = \"zh-Hant-MO\"\nscript = \"hongkong\"\n\n[[chapter]]\nsources = [\"pages\"]\n");
        (code, _, stderr) = CliRun.Invoke("build", book.File("book.toml"), "--no-images", "-o", book.File("mo"), "-q");
        Assert.True(code == 0, stderr);
        Assert.Contains("<dc:language>zh-Hant-MO</dc:language>", new EpubContents(Directory.GetFiles(book.File("mo"), "*.epub").Single()).Texts["OEBPS/content.opf"]);
    }

    [Fact]
    public void Unknown_scripts_and_quote_styles_are_refused_with_the_nearest_name()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Pages, "--script", "traditonal", "--no-images", "-o", temp.Path);
        Assert.Equal(1, code);
        Assert.Contains("script 'traditonal'", stderr);
        Assert.Contains("did you mean traditional", stderr);
        (code, _, stderr) = CliRun.Invoke("build", Pages, "--quotes", "corners", "--no-images", "-o", temp.Path);
        Assert.Equal(1, code);
        Assert.Contains("did you mean corner", stderr);
        Assert.Empty(Directory.GetFiles(temp.Path));

        File.WriteAllText(temp.File("book.toml"), "[book]\ntitle = \"x\"\nscript = \"taiwna\"\n\n[[chapter]]\nsources = [\"pages\"]\n");
        (code, _, stderr) = CliRun.Invoke("build", temp.File("book.toml"));
        Assert.Equal(1, code);
        Assert.Contains("book.toml:3", stderr);
        Assert.Contains("did you mean taiwan", stderr);
    }

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
