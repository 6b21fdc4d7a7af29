using System.CommandLine;
using System.Text;
using EbookBuilder.Cli;
using EbookBuilder.Ingest;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Hardening;

/// <summary>
/// Damaged articles, made with a fixed seed from our fixtures and (when present) every article of
/// ../shared/corpus: truncated, tags dropped or duplicated, control characters and stray markup
/// injected, bytes in another encoding. Reading each must not throw, and one book of all of them
/// builds (EPUB and PDF) and passes epubcheck.
/// </summary>
public sealed class MutationTests
{
    private const int Seed = 20261125;
    private const int MinimumMutants = 200;

    /// <summary>Our own articles: fixtures and the example book.</summary>
    private static List<string> OwnSources()
    {
        var sources = new List<string>();
        sources.AddRange(Directory.GetFiles(TestPaths.Fixture("articles")));
        sources.AddRange(Directory.GetFiles(TestPaths.Fixture("book", "pages"), "*.*", SearchOption.AllDirectories));
        sources.AddRange(Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "examples", "weekly", "pages"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal)));
        return sources.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Corpus articles drawn with the fixed seed: the same ones every run, whatever else is present.</summary>
    private const int CorpusSample = 400;

    /// <summary>One damaged copy of <paramref name="text"/>: the kind of damage and the bytes.</summary>
    internal static (string Kind, byte[] Bytes) Mutate(string text, Random random)
    {
        var kind = random.Next(7);
        switch (kind)
        {
            case 0: // truncated anywhere, also inside a tag or a surrogate pair
                return ("truncate", Encoding.UTF8.GetBytes(text[..random.Next(Math.Max(1, text.Length))]));
            case 1: // a tag dropped
            case 2: // a tag duplicated
            {
                var builder = new StringBuilder(text);
                for (var n = 0; n < 1 + random.Next(8); n++)
                {
                    var start = builder.ToString().IndexOf('<', random.Next(Math.Max(1, builder.Length)));
                    if (start < 0) break;
                    var end = builder.ToString().IndexOf('>', start);
                    if (end < 0) break;
                    var tag = builder.ToString(start, end - start + 1);
                    if (kind == 1) builder.Remove(start, tag.Length);
                    else builder.Insert(random.Next(builder.Length), tag);
                }
                return (kind == 1 ? "drop-tags" : "duplicate-tags", Encoding.UTF8.GetBytes(builder.ToString()));
            }
            case 3: // control characters, NUL, BOMs and non-characters injected
            {
                var builder = new StringBuilder(text);
                string[] junk = ["\0", "\u0001", "\u001b[31m", "\u0008", "\uFEFF", "\uFFFE", "\uFFFF", "\u200B", "\u202E", "\r", "\f", "\u0085"];
                for (var n = 0; n < 20; n++) builder.Insert(random.Next(builder.Length + 1), junk[random.Next(junk.Length)]);
                return ("control", Encoding.UTF8.GetBytes(builder.ToString()));
            }
            case 4: // stray markup
            {
                var builder = new StringBuilder(text);
                string[] junk = ["<", ">", "&", "&#0;", "&#xD800;", "&bogus;", "<!--", "]]>", "<![CDATA[", "</div>", "<p", "<img src=", "\"", "<script>", "<?xml"];
                for (var n = 0; n < 25; n++) builder.Insert(random.Next(builder.Length + 1), junk[random.Next(junk.Length)]);
                return ("stray-markup", Encoding.UTF8.GetBytes(builder.ToString()));
            }
            case 5: // another encoding, or broken bytes
            {
                var choice = random.Next(3);
                if (choice == 0) return ("gb18030", CodePagesEncoding("GB18030").GetBytes(text));
                if (choice == 1) return ("utf-16-no-bom", Encoding.Unicode.GetBytes(text));
                var bytes = Encoding.UTF8.GetBytes(text);
                for (var n = 0; n < 30 && bytes.Length > 0; n++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return ("random-bytes", bytes);
            }
            default: // deep nesting spliced in
            {
                var depth = 300 + random.Next(3000);
                var nest = string.Concat(Enumerable.Repeat("<div><span>", depth)) + "深处的字" + string.Concat(Enumerable.Repeat("</span></div>", random.Next(depth)));
                var at = random.Next(text.Length + 1);
                return ("nesting", Encoding.UTF8.GetBytes(text[..at] + nest + text[at..]));
            }
        }
    }

    private static Encoding CodePagesEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }

    /// <summary>Mutants of our own articles only: the verdict does not depend on whether the corpus is present.</summary>
    [SkippableFact]
    public void Damaged_articles_never_crash_and_their_book_passes_epubcheck() => BuildMutants(OwnSources(), "fixtures");

    /// <summary>Mutants of a fixed sample of the corpus's articles.</summary>
    [SkippableFact]
    public void Damaged_corpus_articles_never_crash_and_their_book_passes_epubcheck()
    {
        Skip.If(TestPaths.Corpus is null, TestPaths.CorpusMissing);
        var all = Directory.GetFiles(Path.Combine(TestPaths.Corpus!, "pages"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        new Random(Seed).Shuffle(all);
        BuildMutants(all.Take(CorpusSample).Order(StringComparer.Ordinal).ToList(), "corpus sample");
    }

    private static void BuildMutants(List<string> sources, string what)
    {
        using var temp = new TempFolder();
        var random = new Random(Seed);
        var mutants = new List<(string File, string Kind, string Source)>();
        var round = 0;
        while (mutants.Count < Math.Max(MinimumMutants, sources.Count))
        {
            foreach (var source in sources)
            {
                var (kind, bytes) = Mutate(File.ReadAllText(source), random);
                var file = temp.File($"pages/m{mutants.Count:D4}{Path.GetExtension(source)}");
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, bytes);
                mutants.Add((file, kind, source));
                if (mutants.Count >= MinimumMutants && round > 0) break;
            }
            round++;
        }

        // Each alone first, so a crash names its mutant.
        foreach (var (file, kind, source) in mutants)
        {
            var exception = Record.Exception(() => ArticleReader.Read(file, new DiagnosticBag()));
            Assert.True(exception is null, $"{kind} mutant {file} of {source} crashed the reader: {exception}");
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Create().Parse(["build", temp.File("pages"), "--title", "变异", "-o", temp.File("out"), "-f", "all", "--no-images",
                "--cache-dir", temp.File("cache"), "--quiet"])
            .Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        Assert.True(code == 0, $"the book of {mutants.Count} mutants did not build (exit {code}):\n{stderr}");
        Assert.True(File.Exists(temp.File("out/变异.pdf")));
        EpubCheck.RequireAvailable();
        EpubCheck.AssertValid(temp.File("out/变异.epub"));
        // Safe by construction, whatever the input: no scripts, no event handlers, no remote resources, unique ids.
        var epub = new EpubContents(temp.File("out/变异.epub"));
        // Archive entry names are generated: ASCII, relative, no "..", whatever the articles' names.
        Assert.All(epub.Names, n => Assert.Matches("^(mimetype|META-INF/[a-z.]+|OEBPS/[A-Za-z0-9._/-]+)$", n));
        Assert.DoesNotContain(epub.Names, n => n.Contains("..", StringComparison.Ordinal) || n.StartsWith('/'));
        foreach (var (name, xhtml) in epub.Texts.Where(t => t.Key.EndsWith(".xhtml", StringComparison.Ordinal)))
        {
            var document = System.Xml.Linq.XDocument.Parse(xhtml);
            var elements = document.Descendants().ToList();
            Assert.DoesNotContain(elements, e => e.Name.LocalName is "script" or "iframe" or "object" or "embed" or "form");
            Assert.DoesNotContain(elements.SelectMany(e => e.Attributes()), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(elements.SelectMany(e => e.Attributes()), a => a.Name.LocalName is "src" && a.Value.Contains("://", StringComparison.Ordinal));
            var ids = elements.Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
            Assert.True(ids.Count == ids.Distinct().Count(), $"{name} has duplicate ids");
        }
        Console.WriteLine($"{mutants.Count} mutants of the {what} ({string.Join(", ", mutants.GroupBy(m => m.Kind).Select(g => $"{g.Key} {g.Count()}"))})");
    }
}
