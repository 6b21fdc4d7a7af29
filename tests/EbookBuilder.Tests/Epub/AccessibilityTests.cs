using System.Text.RegularExpressions;
using EbookBuilder.Epub;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Epub;

/// <summary>
/// The EPUB as a screen reader and DAISY Ace meet it: schema.org accessibility metadata, ARIA
/// roles matching every epub:type, headings without jumps, text alternatives that describe.
/// </summary>
public sealed partial class AccessibilityTests
{
    private static readonly string Example = Path.Combine(TestPaths.RepoRoot, "examples", "weekly", "book.toml");

    [Theory]
    [InlineData("夜班公交", "旧码头的照片", "公交夜班线路延长", "旧码头的照片")] // the caption says what the image shows
    [InlineData("夜班公交在站台上", "", "公交夜班线路延长", "夜班公交在站台上")] // a describing alt is kept
    [InlineData("公交夜班线路延长到凌晨两点", "", "公交夜班线路延长到凌晨两点", "")] // the title is not a description
    [InlineData("夜班线路延长", "", "公交夜班线路延长到凌晨两点", "")] // nor a piece of it
    [InlineData("IMG_2041.JPG", "", "标题", "")]
    [InlineData("https://img.example.com/a.jpg", "", "标题", "")]
    [InlineData(null, "", "标题", "")] // decorative: empty, never missing
    public void An_images_alternative_is_its_caption_else_a_describing_alt_else_empty(string? alt, string caption, string title, string expected) =>
        Assert.Equal(expected, ImageAlt.For(alt, caption, title));

    [Fact]
    public void Headings_under_the_article_title_never_skip_a_level()
    {
        using var temp = new TempFolder();
        temp.Write("src/1.md", "# 文章\n\n开头。\n\n#### 深的小标题\n\n正文。\n\n###### 更深\n\n正文。\n\n## 第二节\n\n正文。\n");
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("src"), "--name", "h", "-f", "epub", "-o", temp.File("out"), "--no-images", "-q");
        Assert.True(code == 0, stderr);
        var page = new EpubContents(temp.File("out/h.epub")).Article(0, 0);
        var levels = HeadingTag().Matches(page).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal([2, 3, 4, 3], levels); // the title, then #### → h3 (not h5), ###### → h4, ## → h3
    }

    [Fact]
    public void The_package_has_accessibility_metadata_and_every_epub_type_its_aria_role()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", Example, "-f", "epub", "-o", temp.Path, "-q");
        Assert.True(code == 0, stderr);
        var epub = new EpubContents(temp.File("示例周刊.epub"));
        var opf = epub.Texts["OEBPS/content.opf"];
        foreach (var expected in new[]
        {
            "<meta property=\"schema:accessMode\">textual</meta>", "<meta property=\"schema:accessMode\">visual</meta>",
            "<meta property=\"schema:accessModeSufficient\">textual</meta>", "<meta property=\"schema:accessibilityFeature\">structuralNavigation</meta>",
            "<meta property=\"schema:accessibilityFeature\">tableOfContents</meta>", "<meta property=\"schema:accessibilityFeature\">alternativeText</meta>",
            "<meta property=\"schema:accessibilityHazard\">none</meta>", "<meta property=\"schema:accessibilitySummary\">可重排的文本",
        })
        {
            Assert.Contains(expected, opf);
        }
        var roles = new Dictionary<string, string> { ["chapter"] = "doc-chapter", ["part"] = "doc-part", ["toc"] = "doc-toc", ["cover"] = "doc-cover" };
        var typed = 0;
        foreach (var (name, xhtml) in epub.Texts.Where(t => t.Key.EndsWith(".xhtml", StringComparison.Ordinal)))
        {
            foreach (Match tag in TypedTag().Matches(xhtml))
            {
                if (!roles.TryGetValue(tag.Groups[1].Value, out var role)) continue;
                typed++;
                Assert.True(tag.Value.Contains($"role=\"{role}\"", StringComparison.Ordinal), $"{name}: {tag.Value}");
            }
        }
        Assert.True(typed >= 8, $"{typed} elements with a mapped epub:type");
        Assert.Contains("alt=\"封面：示例周刊\"", epub.Texts["OEBPS/text/cover.xhtml"]);
    }

    [SkippableFact]
    public void Ace_reports_no_serious_or_critical_finding_on_the_example_book()
    {
        Ace.Require();
        using var temp = new TempFolder();
        // With the PDF: the EPUB then has the page-list of its pages, which Ace checks too.
        var (code, _, stderr) = CliRun.Invoke("build", Example, "-f", "epub,pdf", "-o", temp.Path, "-q");
        Assert.True(code == 0, stderr);
        var findings = Ace.Check(temp.File("示例周刊.epub"));
        var bad = findings.Where(f => f.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, string.Join('\n', bad.Select(f => $"{f.File}: {f.Impact} {f.Rule}: {f.Description}")));
        Assert.True(findings.Count == 0, "Ace's lesser findings: " + string.Join('\n', findings.Select(f => $"{f.File}: {f.Impact} {f.Rule}")));
    }

    [GeneratedRegex("<h([1-6])\\b")]
    private static partial Regex HeadingTag();

    // Landmarks (links in the nav) carry epub:type with no role: ARIA has none for them.
    [GeneratedRegex("<(?!a )[a-z]+ [^>]*epub:type=\"([a-z-]+)\"[^>]*>")]
    private static partial Regex TypedTag();
}
