using System.Text.RegularExpressions;
using System.Xml.Linq;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Epub;

/// <summary>
/// The EPUB's page-list maps the PDF built beside it: every entry links to a page break in the
/// text, and the text that follows the break is on that page of the PDF, so a citation by page
/// finds the same words in both.
/// </summary>
public sealed partial class PageListTests
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Ops = "http://www.idpf.org/2007/ops";

    [SkippableFact]
    public void The_page_list_points_at_the_text_each_pdf_page_begins_with()
    {
        Poppler.Require();
        EpubCheck.RequireAvailable();
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", TestPaths.Fixture("book", "pages"), "--name", "p", "-f", "epub,pdf", "-o", temp.Path, "--no-images", "--profile", "kindle", "-q");
        Assert.True(code == 0, stderr);
        var epub = new EpubContents(temp.File("p.epub"));
        var nav = XDocument.Parse(epub.Texts["OEBPS/nav.xhtml"].Replace("<!DOCTYPE html>", ""));
        var list = nav.Descendants(X + "nav").Single(n => (string?)n.Attribute(Ops + "type") == "page-list");
        Assert.Equal("doc-pagelist", (string?)list.Attribute("role"));
        var entries = list.Descendants(X + "a").Select(a => (Page: int.Parse(a.Value), Href: a.Attribute("href")!.Value)).ToList();
        var pdfPages = int.Parse(Regex.Match(Poppler.Run("pdfinfo", temp.File("p.pdf")), @"Pages:\s+(\d+)").Groups[1].Value);
        Assert.True(entries.Count >= pdfPages / 2, $"{entries.Count} entries for {pdfPages} pages");
        Assert.Equal(entries.Select(e => e.Page).Order(), entries.Select(e => e.Page));

        var checkedPages = 0;
        foreach (var (page, href) in entries)
        {
            var file = "OEBPS/" + href[..href.IndexOf('#')];
            var id = href[(href.IndexOf('#') + 1)..];
            var doc = XDocument.Parse(epub.Texts[file].Replace("<!DOCTYPE html>", ""));
            var marker = doc.Descendants(X + "span").SingleOrDefault(s => (string?)s.Attribute("id") == id);
            Assert.True(marker is not null, $"{href}: no page break with that id");
            Assert.Equal("pagebreak", (string?)marker!.Attribute(Ops + "type"));
            Assert.Equal(page.ToString(), (string?)marker.Attribute("aria-label"));
            // The words after the break begin on that PDF page.
            var following = Plain(string.Concat(marker.ElementsAfterSelf().Take(1).Select(e => e.Value)));
            if (following.Length < 4) continue;
            var pageText = Plain(Poppler.Run("pdftotext", "-f", page.ToString(), "-l", page.ToString(), temp.File("p.pdf"), "-"));
            Assert.True(pageText.Contains(following[..Math.Min(8, following.Length)], StringComparison.Ordinal), $"page {page} does not begin '{following[..Math.Min(8, following.Length)]}': {pageText[..Math.Min(80, pageText.Length)]}");
            checkedPages++;
        }
        Assert.True(checkedPages >= entries.Count / 2, $"only {checkedPages} pages checked");
        var opf = epub.Texts["OEBPS/content.opf"];
        Assert.Contains("<meta property=\"schema:accessibilityFeature\">printPageNumbers</meta>", opf);
        Assert.Contains("<dc:source id=\"page-source\">PDF, 90 × 122 mm</dc:source>", opf);
        Assert.Contains("<meta refines=\"#page-source\" property=\"source-of\">pagination</meta>", opf);
        var check = EpubCheck.Check(temp.File("p.epub"));
        Assert.True(check.Errors + check.Fatals == 0, check.ToString());
    }

    [Fact]
    public void Without_a_pdf_there_is_no_page_list()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", TestPaths.Fixture("book", "pages"), "--name", "p", "-f", "epub", "-o", temp.Path, "--no-images", "-q");
        Assert.True(code == 0, stderr);
        var epub = new EpubContents(temp.File("p.epub"));
        Assert.DoesNotContain("page-list", epub.Texts["OEBPS/nav.xhtml"]);
        Assert.DoesNotContain("pagebreak", string.Concat(epub.Texts.Values));
    }

    private static string Plain(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
