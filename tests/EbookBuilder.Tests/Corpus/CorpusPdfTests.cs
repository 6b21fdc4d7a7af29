using System.Text.Json;
using System.Text.RegularExpressions;
using EbookBuilder.Model.Document;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Corpus;

/// <summary>
/// Every category of ../shared/corpus as a PDF, built as a user would (installed faces fill what the
/// bundled font lacks), read back with the real tools: fonts embedded and subset TrueType (no Type 3), every body paragraph in pdftotext's text, no line starting with a closing
/// mark or ending with an opening one, an outline entry per chapter and article, and contents page
/// numbers that point at the pages where the titles are.
/// </summary>
public sealed partial class CorpusPdfTests
{
    public static TheoryData<string> Categories() => CorpusBookTests.Categories();

    [GeneratedRegex(@"^\s*[，。、；：？！）」』】》〉”’]")]
    private static partial Regex StartsWithClosing();

    [GeneratedRegex(@"[（「『【《〈“‘]\s*$")]
    private static partial Regex EndsWithOpening();

    /// <summary>
    /// Text compared without white space, without invisible format characters (zero-width spaces
    /// are not drawn), and without hyphens: pdftotext joins a line that ends in "-" to the next and
    /// drops the hyphen, and long URLs break after one.
    /// </summary>
    private static string Comparable(string s) =>
        new(SourceOracle.Strip(s).Where(c => c != '-' && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray());

    [GeneratedRegex(@"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")]
    private static partial Regex RightToLeft();

    /// <summary>Whether <paramref name="text"/> holds <paramref name="body"/> cut in two by one of the <paramref name="captions"/> (a floated figure's).</summary>
    private static bool ReadsAroundAFigure(string body, string text, IReadOnlyList<string> captions)
    {
        var probe = body[..Math.Min(12, body.Length)];
        for (var start = text.IndexOf(probe, StringComparison.Ordinal); start >= 0; start = text.IndexOf(probe, start + 1, StringComparison.Ordinal))
        {
            // As much of the paragraph as reads on from there, then a caption, then the rest of it.
            var head = 0;
            while (head < body.Length && start + head < text.Length && text[start + head] == body[head]) head++;
            var at = start + head;
            foreach (var caption in captions)
            {
                if (text.AsSpan(at).StartsWith(caption, StringComparison.Ordinal) && text.AsSpan(at + caption.Length).StartsWith(body.AsSpan(head), StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }

    private static string Unbracketed(string s) => new(s.Where(c => c is not ('（' or '）' or '(' or ')' or '[' or ']' or '【' or '】')).ToArray());

    /// <summary>Where a paragraph stops matching the extracted text: the matched part, then what the PDF has instead.</summary>
    private static string Divergence(string paragraph, string text)
    {
        var n = paragraph.Length;
        while (n > 0 && !text.Contains(paragraph[..n], StringComparison.Ordinal)) n = n * 9 / 10;
        while (n < paragraph.Length && text.Contains(paragraph[..(n + 1)], StringComparison.Ordinal)) n++;
        var at = n > 0 ? text.IndexOf(paragraph[..n], StringComparison.Ordinal) + n : 0;
        return $"…{paragraph[Math.Max(0, n - 20)..n]}[expected: {paragraph[n..Math.Min(paragraph.Length, n + 20)]}][pdf: {text[at..Math.Min(text.Length, at + 20)]}]";
    }

    [SkippableTheory]
    [MemberData(nameof(Categories))]
    public void Category_pdf_is_typeset_and_reads_back(string category)
    {
        Skip.If(TestPaths.Corpus is null, TestPaths.CorpusMissing);
        Poppler.Require();
        using var temp = new TempFolder();
        // As a user builds it: installed faces fill what the bundled font lacks (CI installs a set, see .ci/run).
        var result = TestBuild.Run(temp, [Path.Combine(TestPaths.Corpus!, "pages", category)], fonts: TestBuild.BundledFonts,
            formats: EbookBuilder.Pipeline.OutputFormats.Pdf);
        var pdf = Assert.Single(result.Outputs).Path;

        var fonts = Poppler.Run("pdffonts", pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, line =>
        {
            Assert.DoesNotContain("Type 3", line);
            Assert.Matches(@"^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", line);
        });

        // The text area only (A5: header above 40 pt, page number below 550 pt), so that a paragraph
        // running over a page break reads on without the running header in the middle.
        // Characters no font of the book has are reported (FNT001) and drawn as the font's blank
        // glyph: they are compared on neither side (pdftotext still reads some of them, reordered).
        var uncovered = result.Fonts.Uncovered.Select(u => u.Codepoint).ToHashSet();
        string Drawn(string s) => uncovered.Count == 0 ? s : string.Concat(s.EnumerateRunes().Where(r => !uncovered.Contains(r.Value)));
        var text = Drawn(Comparable(Poppler.Run("pdftotext", "-x", "0", "-y", "40", "-W", "420", "-H", "510", pdf, "-")));
        var chapter = Assert.Single(result.Book.Chapters);
        // A figure that does not fit the rest of a page floats to the top of the next one, where its
        // caption reads between the two parts of the paragraph that filled the page (as in any
        // printed book): a paragraph read that way is whole.
        var label = Comparable(EbookBuilder.Model.Document.Labels.For(result.Book.Metadata.Language).ImageMissing);
        var captions = chapter.Articles.SelectMany(a => Figures.In(a.Blocks)).Select(f => Drawn(Comparable(Plain.Of(f.Caption))))
            .SelectMany(c => new[] { c + label, c }).Where(c => c.Length > 0).Distinct().ToList();
        // Right-to-left text: pdftotext turns a run of it back into written order and takes the
        // bracket after it along ("（أبو بكر）" reads "）أبو بكر"), so brackets are not compared there.
        var unbracketed = Unbracketed(text);
        var lost = chapter.Articles.SelectMany(a => a.Blocks.OfType<Paragraph>().Select(p => (a, Body: Drawn(Comparable(Plain.Of(p.Content))))))
            .Where(x => x.Body.Length > 0 && !text.Contains(x.Body, StringComparison.Ordinal)
                        && !(RightToLeft().IsMatch(x.Body) && unbracketed.Contains(Unbracketed(x.Body), StringComparison.Ordinal))
                        && !ReadsAroundAFigure(x.Body, text, captions)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} paragraphs not in pdftotext's text: " + string.Join("\n", lost.Take(5).Select(x => Divergence(x.Body, text) + $" ({x.a.Source.File})")));

        var lines = Poppler.Run("pdftotext", "-layout", pdf, "-").Split('\n');
        // A closing mark may start a line only where the source starts a paragraph with it ("”奇怪了…" typed as an opening quote).
        var starts = chapter.Articles.SelectMany(a => EbookBuilder.Model.Text.PlainText.Of(a.Blocks).Split('\n', '\t').Append(a.Title))
            .Select(Comparable).Where(p => p.Length > 0).ToList();
        var closingStarts = lines.Where(l => StartsWithClosing().IsMatch(l) && Comparable(l) is var c && !starts.Any(p => p.StartsWith(c[..Math.Min(6, c.Length)], StringComparison.Ordinal))).ToList();
        Assert.True(closingStarts.Count == 0, "lines starting with a closing mark: " + string.Join(" | ", closingStarts.Take(5).Select(l => l.Trim())));
        // An opening mark may end a line only where the source ends a paragraph or a title with it ("…必须抛弃“" typed as a closing quote).
        var ends = starts;
        var openEnds = lines.Select((l, i) => (l, i)).Where(x => EndsWithOpening().IsMatch(x.l) && x.i + 1 < lines.Length && lines[x.i + 1].Trim().Length > 0
            && Comparable(x.l) is var c && !ends.Any(p => p.EndsWith(c[Math.Max(0, c.Length - 6)..], StringComparison.Ordinal))).ToList();
        Assert.True(openEnds.Count == 0, "lines ending with an opening mark: " + string.Join(" | ", openEnds.Take(5).Select(x => x.l.Trim())));

        using var outline = JsonDocument.Parse(Poppler.Run("qpdf", "--json", "--json-key=outlines", pdf));
        var top = outline.RootElement.GetProperty("outlines").EnumerateArray().ToList();
        Assert.Equal(chapter.Title, Assert.Single(top).GetProperty("title").GetString());
        Assert.Equal(chapter.Articles.Select(a => a.Title), top[0].GetProperty("kids").EnumerateArray().Select(k => k.GetProperty("title").GetString()));

        // Contents: each article's number is the page its title is printed on.
        // The chapter's contents line: its title, dot leaders, its page (a title may end in digits itself: "…2020").
        var chapterPage = int.Parse(Regex.Match(lines.First(l => l.TrimStart().StartsWith(chapter.Title, StringComparison.Ordinal) && Regex.IsMatch(l, @"\.\s*\d+\s*$")), @"(\d+)\s*$").Groups[1].Value);
        var contents = Poppler.Run("pdftotext", "-layout", "-f", "2", "-l", (chapterPage - 1).ToString(), pdf, "-").Split('\n');
        var pageTexts = new Dictionary<int, string>();
        var checkedTitles = 0;
        foreach (var article in chapter.Articles)
        {
            var key = SourceOracle.Strip(article.Title);
            key = key[..Math.Min(8, key.Length)];
            var entry = contents.FirstOrDefault(l => Regex.IsMatch(l, @"\.\s*\d+\s*$") && SourceOracle.Strip(l).Contains(key, StringComparison.Ordinal));
            if (entry is null) continue; // a title wrapped in the contents: its number is on the next line
            var page = int.Parse(Regex.Match(entry, @"(\d+)\s*$").Groups[1].Value);
            if (!pageTexts.TryGetValue(page, out var pageText))
                pageTexts[page] = pageText = SourceOracle.Strip(Poppler.Run("pdftotext", "-f", page.ToString(), "-l", page.ToString(), pdf, "-"));
            Assert.True(pageText.Contains(key, StringComparison.Ordinal), $"contents say '{article.Title}' is on page {page}, but it is not there");
            checkedTitles++;
        }
        Assert.True(checkedTitles >= chapter.Articles.Count / 2, $"only {checkedTitles} of {chapter.Articles.Count} contents entries found");
    }
}
