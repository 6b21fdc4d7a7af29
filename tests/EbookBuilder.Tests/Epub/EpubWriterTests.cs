using System.Xml.Linq;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Epub;

public sealed class EpubWriterTests
{
    private static readonly string[] Inputs =
    [
        TestPaths.Fixture("book", "pages", "cat1"),
        TestPaths.Fixture("articles"),
    ];

    [SkippableFact]
    public void Fixture_book_passes_epubcheck_without_errors_or_warnings()
    {
        using var temp = new TempFolder();
        var result = TestBuild.Run(temp, Inputs, title: "测试合集");
        EpubCheck.AssertValid(Assert.Single(result.Outputs).Path);
    }

    [Fact]
    public void Archive_starts_with_a_stored_mimetype_and_uses_generated_ascii_names()
    {
        using var temp = new TempFolder();
        var epub = new EpubContents(Assert.Single(TestBuild.Run(temp, Inputs, title: "测试合集").Outputs).Path);
        Assert.Equal("mimetype", epub.Names[0]);
        Assert.True(epub.Methods["mimetype"]);
        Assert.Equal("application/epub+zip", epub.Texts["mimetype"]);
        Assert.All(epub.Names, n => Assert.Matches(@"^[A-Za-z0-9_\-./]+$", n));
        Assert.Contains("OEBPS/toc.ncx", epub.Names);
        Assert.Contains("OEBPS/nav.xhtml", epub.Names);
        // One file per article: 3 + 5 articles, 2 chapter openings, a title page.
        Assert.Equal(8, epub.Names.Count(n => System.Text.RegularExpressions.Regex.IsMatch(n, @"text/c\d{3}-a\d{4}\.xhtml$")));
    }

    [Fact]
    public void Every_xhtml_file_is_well_formed_with_language_and_no_scripts_or_remote_resources()
    {
        using var temp = new TempFolder();
        var epub = new EpubContents(Assert.Single(TestBuild.Run(temp, Inputs, title: "测试合集").Outputs).Path);
        foreach (var (name, text) in epub.Texts.Where(t => t.Key.EndsWith(".xhtml")))
        {
            var doc = XDocument.Parse(text);
            XNamespace xml = "http://www.w3.org/XML/1998/namespace";
            Assert.Equal("zh-CN", doc.Root!.Attribute(xml + "lang")?.Value);
            Assert.DoesNotContain("<script", text);
            Assert.DoesNotContain("<img", text); // images are not embedded yet: never a remote one
            Assert.DoesNotContain(" on", string.Concat(doc.Descendants().Attributes().Select(a => " " + a.Name.LocalName)));
            var ids = doc.Descendants().Attributes("id").Select(a => a.Value).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.DoesNotContain("--", string.Concat(doc.DescendantNodes().OfType<XComment>().Select(c => c.Value)));
        }
    }

    [Fact]
    public void Article_page_shows_title_then_publisher_date_and_link_to_the_original()
    {
        using var temp = new TempFolder();
        var epub = new EpubContents(Assert.Single(TestBuild.Run(temp, [TestPaths.Fixture("book", "pages", "cat1")]).Outputs).Path);
        var doc = XDocument.Parse(epub.Article(0, 0));
        XNamespace x = "http://www.w3.org/1999/xhtml";
        var title = doc.Descendants(x + "h2").Single();
        Assert.Equal("河边新建了一座公园", title.Value);
        var meta = doc.Descendants(x + "p").First(p => (string?)p.Attribute("class") == "article-meta");
        Assert.Equal("大纪元 · 2021年4月1日 · 原文", meta.Value);
        Assert.Equal("https://www.epochtimes.com/gb/21/4/1/n101.htm", meta.Element(x + "a")!.Attribute("href")!.Value);
        Assert.Equal(["市政府宣布，河边的旧仓库改建成了公园。", "公园里有跑道、花园和一个小码头。"],
            doc.Descendants(x + "p").Where(p => p.Attribute("class") is null).Select(p => p.Value));
    }

    [Fact]
    public void Package_has_the_metadata_readers_and_kindle_need()
    {
        using var temp = new TempFolder();
        var epub = new EpubContents(Assert.Single(TestBuild.Run(temp, Inputs, title: "测试合集").Outputs).Path);
        var opf = XDocument.Parse(epub.Texts["OEBPS/content.opf"]);
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        Assert.Equal("测试合集", opf.Descendants(dc + "title").Single().Value);
        Assert.Equal("zh-CN", opf.Descendants(dc + "language").Single().Value);
        Assert.StartsWith("urn:uuid:", opf.Descendants(dc + "identifier").Single().Value);
        Assert.Equal("2022-02-04", opf.Descendants(dc + "date").Single().Value); // the newest article
        Assert.Contains(opf.Descendants(dc + "source"), s => s.Value == "https://www.soundofhope.org/post/1001");
        Assert.Contains("<?xml version=\"1.0\" encoding=\"utf-8\"?>", epub.Texts["OEBPS/text/title.xhtml"]);
        var css = epub.Texts["OEBPS/styles/book.css"];
        Assert.DoesNotMatch(@"--[A-Za-z]", css); // no custom properties: Kindle rejects them
        Assert.Contains("line-break: strict", css);
        Assert.Contains("-epub-line-break: strict", css);
    }

    [Fact]
    public void Without_image_fetching_figures_keep_their_captions_with_a_note()
    {
        using var temp = new TempFolder();
        var result = TestBuild.Run(temp, [TestPaths.Fixture("articles")]);
        var notes = result.Diagnostics.Where(d => d.Code == "IMG001").ToList();
        Assert.Equal(5, notes.Count); // each fixture article has images: one note per article
        Assert.Contains(notes, w => w.Where!.Value.File.EndsWith("epoch.md") && w.Message.StartsWith("2 image(s)"));
        var epub = new EpubContents(result.Outputs[0].Path);
        Assert.Contains(epub.Texts.Values, t => t.Contains("<figcaption>阅览室一角。（示例图片）<span class=\"note\">（图片未能收录）</span></figcaption>"));
    }

    [Fact]
    public void Same_input_gives_a_byte_identical_epub()
    {
        using var one = new TempFolder();
        using var two = new TempFolder();
        var a = File.ReadAllBytes(Assert.Single(TestBuild.Run(one, Inputs, title: "测试合集").Outputs).Path);
        var b = File.ReadAllBytes(Assert.Single(TestBuild.Run(two, Inputs, title: "测试合集").Outputs).Path);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Source_date_epoch_sets_the_modified_time()
    {
        using var temp = new TempFolder();
        var when = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var epub = new EpubContents(Assert.Single(TestBuild.Run(temp, Inputs, timestamp: when).Outputs).Path);
        Assert.Contains("<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>", epub.Texts["OEBPS/content.opf"]);
    }
}
