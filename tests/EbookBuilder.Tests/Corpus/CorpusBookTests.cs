using System.Text.RegularExpressions;
using System.Xml.Linq;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Corpus;

/// <summary>
/// Every category of ../shared/corpus built as a book: nothing of any article's text lost, none of
/// the mirror's junk kept, no stray spaces, and epubcheck reports no errors and no warnings.
/// Every article is checked, not a sample.
/// </summary>
public sealed partial class CorpusBookTests
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";

    public static TheoryData<string> Categories()
    {
        var data = new TheoryData<string>();
        if (TestPaths.Corpus is null) { data.Add("(no corpus)"); return data; }
        foreach (var dir in Directory.GetDirectories(Path.Combine(TestPaths.Corpus, "pages")).Order()) data.Add(Path.GetFileName(dir));
        return data;
    }

    [GeneratedRegex(@"[\u3000-\u303F\u3400-\u9FFF\uFF00-\uFFEF“”‘’…—]")]
    private static partial Regex Wide();

    [GeneratedRegex(@"(?<a>[\u3000-\u303F\u3400-\u9FFF\uFF00-\uFFEF“”‘’…—A-Za-z0-9]) +(?<b>[\u3000-\u303F\u3400-\u9FFF\uFF00-\uFFEF“”‘’…—A-Za-z0-9])")]
    private static partial Regex SpacedPair();

    [GeneratedRegex(@"<ok\s+href=""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex OkHref();

    [GeneratedRegex(@"<a\s[^>]*href=""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex AnchorHref();

    [GeneratedRegex(@"原文\S{0,4}[：:]\s*(https?://[^\s<>""']+)")]
    private static partial Regex OriginalUrl();

    /// <summary>An oracle of its own, not the program's rule: /YYYY/M/D/ with a plausible month and day.</summary>
    [GeneratedRegex(@"/(199\d|20[0-2]\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/")]
    private static partial Regex DatedUrl();

    [SkippableTheory]
    [MemberData(nameof(Categories))]
    public void Category_book_keeps_all_text_drops_junk_and_passes_epubcheck(string category)
    {
        Skip.If(TestPaths.Corpus is null, TestPaths.CorpusMissing);
        using var temp = new TempFolder();
        var result = TestBuild.Run(temp, [Path.Combine(TestPaths.Corpus!, "pages", category)]);
        var epubPath = Assert.Single(result.Outputs).Path;
        var epub = new EpubContents(epubPath);
        var chapter = Assert.Single(result.Book.Chapters);
        var sourceCount = Directory.GetFiles(Path.Combine(TestPaths.Corpus!, "pages", category), "*.md").Length;
        Assert.Equal(sourceCount, chapter.Articles.Count);

        var failures = new List<string>();
        var readings = chapter.Articles.Select(a => SourceOracle.Read(File.ReadAllText(a.Source.File))).ToList();
        var (excused, mustGo) = SourceOracle.Repeated(readings);
        for (var i = 0; i < chapter.Articles.Count; i++)
        {
            var file = chapter.Articles[i].Source.File;
            var source = readings[i];
            var xhtml = epub.Article(0, i);
            var body = XDocument.Parse(xhtml).Descendants(X + "body").Single();
            var output = SourceOracle.Strip(body.Value);
            var bodyText = string.Concat(source.BodyChunks);

            var promotions = source.Promotions;
            foreach (var chunk in source.BodyChunks.Where(c => !promotions.Contains(c) && !excused.Contains(c) && !output.Contains(c, StringComparison.Ordinal)))
                failures.Add($"{file}: text lost: {Short(chunk)}");
            // What the site repeats at the end of most of its articles is not the article's.
            foreach (var chunk in source.BodyChunks.TakeLast(3).Where(mustGo.Contains).Where(c => output.Contains(c, StringComparison.Ordinal)))
                failures.Add($"{file}: a site's repeated text kept: {Short(chunk)}");
            foreach (var chunk in promotions.Where(c => SourceOracle.IsPromotion(c) && SourceOracle.Count(output, c) > SourceOracle.Count(string.Concat(source.BodyChunks.Where(b => !promotions.Contains(b))), c)))
                failures.Add($"{file}: promotion kept: {Short(chunk)}");

            foreach (var junk in source.JunkTexts.Where(j => SourceOracle.Count(output, j) > SourceOracle.Count(bodyText, j)))
                failures.Add($"{file}: junk kept: {junk}");
            foreach (var marker in new[] { "gfw-breaker", ".md.png", "display:none", "<script", "<iframe", "adsbygoogle", "<ok", "<center", "<font" })
                if (xhtml.Contains(marker, StringComparison.OrdinalIgnoreCase)) failures.Add($"{file}: junk kept: {marker}");

            // The mirror's keyword links (<ok>) are text, whatever their URLs (unless the same URL is also a real <a> link).
            var anchors = AnchorHref().Matches(source.BodyHtml).Select(m => EbookBuilder.Model.Text.WebAddress.Normalize(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))).ToHashSet();
            foreach (Match ok in OkHref().Matches(File.ReadAllText(file)))
            {
                if (EbookBuilder.Model.Text.WebAddress.Normalize(System.Net.WebUtility.HtmlDecode(ok.Groups[1].Value)) is { } href && !anchors.Contains(href)
                    && xhtml.Contains($"href=\"{System.Security.SecurityElement.Escape(href)}\"", StringComparison.Ordinal))
                    failures.Add($"{file}: a keyword link (<ok>) is still a link: {href}");
            }
            // An article whose original URL carries a date (four-digit year, month, day as path segments) has a date.
            if (chapter.Articles[i].Date is null && OriginalUrl().Match(File.ReadAllText(file)) is { Success: true } original && DatedUrl().IsMatch(original.Groups[1].Value))
                failures.Add($"{file}: no date, although its URL has one: {original.Groups[1].Value}");

            // A space between two Chinese characters (or Chinese and Latin) must be one a writer typed.
            foreach (var text in body.Descendants().Where(e => e.Name != X + "h2" && (string?)e.Attribute("class") != "article-meta")
                         .SelectMany(e => e.Nodes().OfType<XText>()).Select(t => t.Value))
            {
                foreach (Match m in SpacedPair().Matches(text))
                {
                    string a = m.Groups["a"].Value, b = m.Groups["b"].Value;
                    if (!Wide().IsMatch(a) && !Wide().IsMatch(b)) continue;
                    if (!Regex.IsMatch(source.BodyHtml, Regex.Escape(a) + @"[ \t\u00A0]+" + Regex.Escape(b)))
                        failures.Add($"{file}: stray space: {Short(text[Math.Max(0, m.Index - 6)..Math.Min(text.Length, m.Index + m.Length + 6)])}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} problems in {category}:\n" + string.Join('\n', failures.Take(40)));

        EpubCheck.AssertValid(epubPath);
    }

    /// <summary>
    /// Every category and our hostile articles (empty table cells in every form, a title a page
    /// long, a 200,000-character token, emoji and rare characters) as one book in both formats,
    /// with the installed fonts a user has: no article costs the book, no font is Type 3.
    /// </summary>
    [SkippableFact]
    public void Whole_corpus_and_the_hostile_articles_in_one_book_build_in_both_formats()
    {
        Skip.If(TestPaths.Corpus is null, TestPaths.CorpusMissing);
        Poppler.Require();
        using var temp = new TempFolder();
        temp.Write("hostile/01-tables.html", EbookBuilder.Tests.Hardening.FaultIsolationTests.Tables);
        temp.Write("hostile/02-long-title.md", "# " + string.Concat(Enumerable.Repeat("很长很长的标题", 1500)) + "\n\n正文。\n");
        temp.Write("hostile/03-token.md", "# 长串\n\n" + string.Concat(Enumerable.Range(0, 200_000).Select(i => (char)('A' + i % 26))) + "\n");
        temp.Write("hostile/04-characters.md", "# 罕见字\n\n提醒\U0001F514，爱心\u2764，罕见\u4102\u3C6C\U000201A4，私用\uE000。\n");
        var result = TestBuild.Run(temp, [Path.Combine(TestPaths.Corpus!, "pages"), temp.File("hostile")], title: "新闻合集",
            fonts: TestBuild.BundledFonts, formats: EbookBuilder.Pipeline.OutputFormats.All);
        Assert.Equal(Directory.GetDirectories(Path.Combine(TestPaths.Corpus!, "pages")).Length + 1, result.Book.Chapters.Count);
        Assert.Equal(4, result.Book.Chapters[^1].Articles.Count);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == EbookBuilder.Model.Diagnostics.DiagnosticCodes.WriterFallback);
        Assert.DoesNotContain("Type 3", Poppler.Run("pdffonts", result.Outputs.Single(o => o.Format == "pdf").Path));
        EpubCheck.AssertValid(result.Outputs.Single(o => o.Format == "epub").Path);
    }

    [SkippableFact]
    public void Index_files_build_books_in_link_order_and_report_missing_targets()
    {
        Skip.If(TestPaths.Corpus is null, TestPaths.CorpusMissing);
        foreach (var index in Directory.GetFiles(Path.Combine(TestPaths.Corpus!, "indexes"), "*.md"))
        {
            using var temp = new TempFolder();
            var result = TestBuild.Run(temp, [index]);
            var chapter = Assert.Single(result.Book.Chapters);
            Assert.Equal(Path.GetFileNameWithoutExtension(index)[1..], chapter.Title); // "E国际新闻" -> "国际新闻"
            // Link order, first occurrence of each target that exists.
            var expected = Regex.Matches(File.ReadAllText(index), @"\]\((\.\./pages/[^)?]+)")
                .Select(m => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(index)!, m.Groups[1].Value)))
                .Where(File.Exists).Distinct().ToList();
            Assert.Equal(expected, chapter.Articles.Select(a => a.Source.File));
            Assert.Contains(result.Diagnostics, d => d.Code == "EB002" && d.Severity == EbookBuilder.Model.Diagnostics.Severity.Warning);
        }
    }

    [SkippableFact]
    public void A_book_file_of_every_index_keeps_link_order_drops_cross_chapter_duplicates_and_reports_missing_targets()
    {
        Skip.If(TestPaths.Corpus is null, TestPaths.CorpusMissing);
        using var temp = new TempFolder();
        var indexes = Directory.GetFiles(Path.Combine(TestPaths.Corpus!, "indexes"), "*.md").Order(StringComparer.Ordinal).ToList();
        var toml = new System.Text.StringBuilder($"[book]\ntitle = \"索引合集\"\nroot = \"{TestPaths.Corpus}\"\n\n[output]\nformats = [\"epub\"]\n\n[images]\nno-images = true\n");
        foreach (var index in indexes) toml.Append($"\n[[chapter]]\nsources = [\"{index}\"]\n");
        var book = temp.Write("book.toml", toml.ToString());
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = EbookBuilder.Cli.CommandLine.Create().Parse(["build", book, "--report", temp.File("report.json")])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr });
        Assert.True(code == 0, stderr.ToString());

        var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.File("report.json"))).RootElement;
        var chapters = report.GetProperty("chapters").EnumerateArray().ToList();
        Assert.Equal(indexes.Select(i => Path.GetFileNameWithoutExtension(i)[1..]), chapters.Select(c => c.GetProperty("title").GetString()));
        Assert.Contains(report.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "EB002");
        // Each chapter: its index's link order, less the articles an earlier chapter already has (same URL, or same title and text).
        var seen = new HashSet<string>();
        var seenUrls = new HashSet<string>();
        bool First(EbookBuilder.Model.Document.Article a)
        {
            var key = a.Title + "\n" + EbookBuilder.Model.Text.PlainText.Of(a.Blocks);
            if ((a.SourceUrl is { } url && seenUrls.Contains(url)) || seen.Contains(key)) return false;
            if (a.SourceUrl is { } u) seenUrls.Add(u);
            return seen.Add(key);
        }
        for (var c = 0; c < indexes.Count; c++)
        {
            var linked = Regex.Matches(File.ReadAllText(indexes[c]), @"\]\((\.\./pages/[^)?]+)")
                .Select(m => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(indexes[c])!, m.Groups[1].Value)))
                .Where(File.Exists).Distinct().ToList();
            var titles = chapters[c].GetProperty("titles").EnumerateArray().Select(t => t.GetString()!).ToList();
            var expected = linked.Select(f => EbookBuilder.Ingest.ArticleReader.Read(f, new EbookBuilder.Model.Diagnostics.DiagnosticBag())!)
                .Where(First).Select(a => a.Title).ToList();
            Assert.Equal(expected, titles);
        }
        EpubCheck.AssertValid(Directory.GetFiles(temp.Path, "*.epub", SearchOption.AllDirectories).Single());
    }

    private static string Short(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
