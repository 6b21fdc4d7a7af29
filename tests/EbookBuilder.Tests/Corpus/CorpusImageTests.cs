using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EbookBuilder.Images;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Corpus;

/// <summary>
/// The whole corpus with its image URLs pointed at a local server (../shared/tools/localize-corpus.py
/// makes the copy and the synthetic images): every image the server has is in the book, every
/// caption the source has is a figcaption, no caption is left twice in the body, epubcheck is clean.
/// </summary>
public sealed class CorpusImageTests
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";

    /// <summary>
    /// Articles kept per category folder (the tool keeps the same ones every run): the whole corpus
    /// has some 10,000 images, which the tool draws at about 9 a second (20 minutes on a machine
    /// whose drawing cache is empty); 8 a folder are some 260 articles and 700 images.
    /// </summary>
    private const int SamplePerFolder = 8;

    /// <summary>The localized copy (made once: a minute or two), shared by the tests of this class.</summary>
    private sealed record Localized(string Pages, string Www, int Port);

    private static readonly Lazy<Localized> Copy = new(() =>
    {
        var temp = new TempFolder(); // kept for the test run: both tests build from it
        var copy = Path.Combine(temp.Path, "corpus");
        var port = ImageServer.FreePort();
        var script = Path.Combine(TestPaths.Corpus!, "..", "tools", "localize-corpus.py");
        // The tool samples the folders under pages/ of the folder it copies: it is given the corpus itself.
        Run("/usr/bin/python3", script, TestPaths.Corpus!, copy, "--port", port.ToString(), "--sample", SamplePerFolder.ToString());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => temp.Dispose();
        var pages = Path.Combine(copy, "pages");
        var sampled = Directory.GetFiles(pages, "*.md", SearchOption.AllDirectories).Length;
        var folders = Directory.GetDirectories(pages).Length;
        if (sampled > SamplePerFolder * folders) throw new InvalidOperationException($"the tool kept {sampled} articles of {folders} folders: its --sample did not apply");
        return new Localized(pages, Path.Combine(copy, "_www"), port);
    });

    private static Localized Require()
    {
        Skip.If(TestPaths.Corpus is null, TestPaths.CorpusMissing);
        var script = Path.Combine(TestPaths.Corpus!, "..", "tools", "localize-corpus.py");
        Skip.If(!File.Exists(script), $"{script} not found: corpus image test skipped");
        RequirePil();
        return Copy.Value;
    }

    [SkippableFact]
    public void Corpus_with_local_images_embeds_every_image_and_caption()
    {
        var (pages, www, port) = Require();
        using var temp = new TempFolder();
        using var server = new ImageServer(port, www);

        var output = new TempFolder();
        var result = TestBuild.Run(output, [pages], title: "新闻合集", images: new ImageOptions
        {
            CacheDirectory = Path.Combine(temp.Path, "cache"),
            Retries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(50),
        }, fonts: TestBuild.BundledFonts with { SystemFallbacks = false },
            formats: EbookBuilder.Pipeline.OutputFormats.All | EbookBuilder.Pipeline.OutputFormats.Azw3 | EbookBuilder.Pipeline.OutputFormats.Kepub);
        var epub = new EpubContents(result.Outputs.Single(o => o.Format == "epub").Path);
        var prefix = $"http://127.0.0.1:{port}/";
        var failures = new List<string>();
        for (var c = 0; c < result.Book.Chapters.Count; c++)
        {
            for (var a = 0; a < result.Book.Chapters[c].Articles.Count; a++)
            {
                var article = result.Book.Chapters[c].Articles[a];
                var source = Expected(File.ReadAllText(article.Source.File), prefix, www);
                var page = XDocument.Parse(epub.Article(c, a));
                var sources = page.Descendants(X + "img").Select(i => i.Attribute("src")!.Value).ToHashSet();
                foreach (var url in source.Images)
                {
                    var asset = result.Images.Find(url);
                    if (asset is null || !sources.Contains("../images/" + asset.Name))
                        failures.Add($"{article.Source.File}: image missing: {url}");
                }
                var captions = page.Descendants(X + "figcaption").Select(f => SourceOracle.Strip(f.Value)).ToList();
                foreach (var caption in source.Captions.Where(c => !captions.Any(f => f.Contains(c, StringComparison.Ordinal))))
                    failures.Add($"{article.Source.File}: caption not a figcaption: {caption}");
                var body = SourceOracle.Strip(string.Concat(page.Descendants(X + "p").Select(p => p.Value)));
                foreach (var caption in captions.Where(f => f.Length >= 6))
                {
                    if (SourceOracle.Count(body, caption) > SourceOracle.Count(source.BodyOutsideCaptions, caption))
                        failures.Add($"{article.Source.File}: caption also left in the body: {caption}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} problems:\n" + string.Join('\n', failures.Take(40)));
        Assert.True(result.Images.Assets.Count > 300, $"only {result.Images.Assets.Count} images embedded"); // 8 articles of each of 33 folders: some 420
        EpubCheck.AssertValid(result.Outputs.Single(o => o.Format == "epub").Path);

        // The same book as a PDF draws its images too (SVGs are left to their captions).
        Poppler.Require();
        var drawn = Poppler.Run("pdfimages", "-list", result.Outputs.Single(o => o.Format == "pdf").Path).Split('\n').Skip(2).Count(l => l.Trim().Length > 0);
        var raster = result.Images.Assets.Count(a => a.MediaType != "image/svg+xml");
        Assert.True(drawn >= raster, $"the PDF draws {drawn} images, the book has {raster}");

        // For the readers: the KEPUB is valid; calibre reads the AZW3 back with the EPUB's text
        // (99% of its paragraphs at least), every image and the same contents.
        EpubCheck.AssertValid(result.Outputs.Single(o => o.Format == "kepub").Path);
        Calibre.Require();
        var back = Path.Combine(output.Path, "back.epub");
        Calibre.Run("ebook-convert", result.Outputs.Single(o => o.Format == "azw3").Path, back);
        var read = new EpubContents(back);
        var text = EbookBuilder.Tests.Kindle.Azw3Tests.Plain(string.Concat(read.Texts.Where(t => t.Key.EndsWith("html", StringComparison.Ordinal)).Select(t => t.Value)));
        var paragraphs = EbookBuilder.Tests.Kindle.Azw3Tests.Paragraphs(epub).ToList();
        var lost = paragraphs.Where(p => !text.Contains(p, StringComparison.Ordinal)).ToList();
        Assert.True(lost.Count * 100 <= paragraphs.Count, $"{lost.Count} of {paragraphs.Count} paragraphs lost: {string.Join(" | ", lost.Take(5))}");
        var images = read.Names.Count(n => Regex.IsMatch(n, "\\.(jpe?g|png|gif|svg)$"));
        Assert.True(images >= result.Images.Assets.Count, $"calibre finds {images} images in the AZW3, the book has {result.Images.Assets.Count}");
        Assert.Equal(epub.Texts["OEBPS/toc.ncx"].Split("<text>").Length - 1, read.Texts.Single(t => t.Key.EndsWith("toc.ncx", StringComparison.Ordinal)).Value.Split("<text>").Length - 1);
        // calibre's inspector recomputes every text record's trailing byte sequences: none differs.
        var azw3 = result.Outputs.Single(o => o.Format == "azw3").Path;
        var inspected = Calibre.RunIn(Path.GetDirectoryName(azw3), "calibre-debug", "--inspect-mobi", azw3);
        Assert.Contains("Debug data saved", inspected);
        Assert.DoesNotContain("WARNING", inspected);
        output.Dispose();
    }

    /// <summary>
    /// The whole corpus book against a server with a mix of faults, chosen per image by its path:
    /// 4% answer 404, 4% fail with 500 once and then work, 2% are slower than the timeout, 2% send
    /// corrupt bytes. The book builds; every failed image is in the report with its reason; every
    /// image that could be had (the 500-then-OK ones among them) is in the book.
    /// </summary>
    [SkippableFact]
    public void Corpus_book_survives_a_mix_of_image_faults()
    {
        var (pages, www, port) = Require();
        using var temp = new TempFolder();
        var prefix = $"http://127.0.0.1:{port}/";
        var all = Directory.GetFiles(pages, "*.md", SearchOption.AllDirectories)
            .SelectMany(f => Expected(File.ReadAllText(f), prefix, www).Images).Distinct().ToList();
        var faults = new Dictionary<string, string>(StringComparer.Ordinal);
        using var server = new ImageServer(port, www);
        foreach (var url in all)
        {
            var path = new Uri(url).AbsolutePath;
            var roll = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path))[0] * 100 / 256;
            var fault = roll switch { < 4 => "404", < 8 => "500-then-ok", < 10 => "slow", < 12 => "corrupt", _ => null };
            if (fault is null) continue;
            faults[url] = fault;
            var file = Path.Combine(www, Uri.UnescapeDataString(path.TrimStart('/')));
            server.Map(path, fault switch
            {
                "404" => (c, _) => ImageServer.Send(c, 404, "gone"u8.ToArray(), "text/plain"),
                "500-then-ok" => async (c, attempt) =>
                {
                    if (attempt == 1) await ImageServer.Send(c, 500, "busy"u8.ToArray(), "text/plain");
                    else await ImageServer.Send(c, 200, await File.ReadAllBytesAsync(file));
                },
                "slow" => async (c, _) => { await Task.Delay(2500); await ImageServer.Send(c, 200, await File.ReadAllBytesAsync(file)); },
                _ => (c, _) => ImageServer.Send(c, 200, System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path))
                    .Concat(new byte[4000]).ToArray()),
            });
        }
        Assert.True(faults.Values.Distinct().Count() == 4 && faults.Count > all.Count / 20, $"{faults.Count} faults among {all.Count} images");

        var output = new TempFolder();
        var result = TestBuild.Run(output, [pages], title: "新闻合集", images: new ImageOptions
        {
            CacheDirectory = Path.Combine(temp.Path, "cache"),
            Retries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(50),
            AttemptTimeout = TimeSpan.FromSeconds(1),
        }, fonts: TestBuild.BundledFonts with { SystemFallbacks = false }, formats: EbookBuilder.Pipeline.OutputFormats.Epub);

        // The images of the articles in the book (an article that is a duplicate of another is not).
        var expected = result.Book.Articles.SelectMany(a => Expected(File.ReadAllText(a.Source.File), prefix, www).Images).Distinct().ToList();
        var report = EbookBuilder.Pipeline.BuildReport.From(result);
        var reported = report.Images.Failures.ToDictionary(f => f.Url, f => f.Reason, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var url in expected)
        {
            var fault = faults.GetValueOrDefault(url);
            if (fault is "404" or "slow" or "corrupt")
            {
                if (!reported.ContainsKey(url)) problems.Add($"{fault} image not in the report: {url}");
                if (result.Images.Find(url) is not null) problems.Add($"{fault} image in the book: {url}");
            }
            else if (result.Images.Find(url) is null)
            {
                problems.Add($"working image ({fault ?? "no fault"}) missing: {url} ({reported.GetValueOrDefault(url)})");
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join('\n', problems.Take(30)));
        EpubCheck.AssertValid(result.Outputs.Single(o => o.Format == "epub").Path);
        output.Dispose();
    }

    private sealed record Expectation(IReadOnlyList<string> Images, IReadOnlyList<string> Captions, string BodyOutsideCaptions);

    /// <summary>The images the local server really has (not pixels), and the caption texts, of one localized article.</summary>
    private static Expectation Expected(string text, string prefix, string www)
    {
        var reading = SourceOracle.Read(text);
        var document = new HtmlParser().ParseDocument(reading.BodyHtml);
        foreach (var e in document.QuerySelectorAll("script, style, noscript, iframe, ins").ToList()) e.Remove();
        foreach (var e in document.QuerySelectorAll("[style]").Where(e => Regex.IsMatch(e.GetAttribute("style")!, @"display\s*:\s*none")).ToList())
            e.Remove(); // hidden (a paywall pop-up): not shown to readers, not in the book
        var images = new List<string>();
        foreach (var img in document.QuerySelectorAll("img"))
        {
            var src = img.GetAttribute("src") ?? "";
            if (!src.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var file = Path.Combine(www, Uri.UnescapeDataString(new Uri(src).AbsolutePath.TrimStart('/')));
            if (!File.Exists(file) || new FileInfo(file).Length < 100) continue; // not served, or a tracking pixel
            images.Add(src);
        }
        var captionElements = document.QuerySelectorAll("*").Where(IsCaption).ToList();
        var captions = captionElements.Select(e => SourceOracle.Strip(e.TextContent)).Where(c => c.Length > 0).ToList();
        foreach (var p in document.QuerySelectorAll("p, center").Where(p => Regex.IsMatch(p.GetAttribute("style") ?? (p.LocalName == "center" ? "text-align:center" : ""), @"text-align:\s*center")))
        {
            var afterImage = p.ChildNodes.SkipWhile(n => n is not IElement { LocalName: "img" }).Skip(1);
            var caption = SourceOracle.Strip(string.Concat(afterImage.Select(n => n.TextContent)));
            if (p.QuerySelector("img") is not null && caption.Length > 0) captions.Add(caption);
        }
        foreach (var e in captionElements) e.Remove();
        return new Expectation(images.Distinct().ToList(), captions.Distinct().ToList(), SourceOracle.Strip(document.Body!.TextContent));
    }

    private static bool IsCaption(IElement e) =>
        e.LocalName == "figcaption" || e.Id == "headerimgcaption"
        || e.ClassList.Any(c => c.Contains("caption", StringComparison.OrdinalIgnoreCase) && c != "wp-caption" && c != "captioned");

    private static void RequirePil()
    {
        var ok = File.Exists("/usr/bin/python3") && Run("/usr/bin/python3", "-c", "import PIL") == 0;
        if (ok) return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("python3-pil is missing on CI: .ci/run must install it");
        Skip.If(true, "Debian's python3-pil is not installed: corpus image test skipped");
    }

    private static int Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10))) { process.Kill(true); throw new TimeoutException($"{program} did not finish"); }
        if (process.ExitCode != 0 && args[0] != "-c") throw new InvalidOperationException($"{program} failed: {stderr.Result}");
        return process.ExitCode;
    }
}
