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

    [SkippableFact]
    public void Corpus_with_local_images_embeds_every_image_and_caption()
    {
        Skip.If(TestPaths.Corpus is null, TestPaths.CorpusMissing);
        var script = Path.Combine(TestPaths.Corpus!, "..", "tools", "localize-corpus.py");
        Skip.If(!File.Exists(script), $"{script} not found: corpus image test skipped");
        RequirePil();

        using var temp = new TempFolder();
        var pages = Path.Combine(temp.Path, "pages");
        var port = ImageServer.FreePort();
        Run("/usr/bin/python3", script, Path.Combine(TestPaths.Corpus!, "pages"), pages, "--port", port.ToString());
        var www = Path.Combine(pages, "_www");
        using var server = new ImageServer(port, www);

        var output = new TempFolder();
        var result = TestBuild.Run(output, [pages], title: "新闻合集", images: new ImageOptions
        {
            CacheDirectory = Path.Combine(temp.Path, "cache"),
            Retries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(50),
        }, fonts: TestBuild.BundledFonts with { SystemFallbacks = false }, formats: EbookBuilder.Pipeline.OutputFormats.All);
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
        Assert.True(result.Images.Assets.Count > 500, $"only {result.Images.Assets.Count} images embedded");
        EpubCheck.AssertValid(result.Outputs.Single(o => o.Format == "epub").Path);

        // The same book as a PDF draws its images too (SVGs are left to their captions).
        Poppler.Require();
        var drawn = Poppler.Run("pdfimages", "-list", result.Outputs.Single(o => o.Format == "pdf").Path).Split('\n').Skip(2).Count(l => l.Trim().Length > 0);
        var raster = result.Images.Assets.Count(a => a.MediaType != "image/svg+xml");
        Assert.True(drawn >= raster, $"the PDF draws {drawn} images, the book has {raster}");
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
