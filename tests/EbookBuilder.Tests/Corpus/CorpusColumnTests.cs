using System.Text;
using System.Text.Json;
using System.Xml;
using EbookBuilder.Model.Document;
using EbookBuilder.Pipeline;
using EbookBuilder.Tests.Support;
using Xunit.Abstractions;

namespace EbookBuilder.Tests.Corpus;

/// <summary>
/// The whole corpus as one digest on A4 in two columns (the print-a4-2col profile), read back
/// with the boxes of pdftotext's lines: every column line and every line across the columns keeps
/// kinsoku (no closing mark starts one, no opening mark ends one, unless the source put it there);
/// every chapter's last page has its columns balanced; and every paragraph reads, in order, when
/// each page is read as a person reads it (a band of columns, left then right, then what spans
/// them under it, then the next band).
/// </summary>
public sealed partial class CorpusPdfTests(ITestOutputHelper output)
{
    private sealed record Line(double Left, double Top, double Right, double Bottom, string Text);

    /// <summary>Each page's lines, from <c>pdftotext -bbox-layout</c> (streamed: the whole corpus is a hundred megabytes of it).</summary>
    private static List<List<Line>> Lines(string pdf, string boxes)
    {
        Poppler.Run("pdftotext", "-bbox-layout", pdf, boxes);
        var pages = new List<List<Line>>();
        using var reader = XmlReader.Create(boxes, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        Line? line = null;
        var text = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "page") pages.Add([]);
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "line")
            {
                double At(string name) => double.Parse(reader.GetAttribute(name)!, System.Globalization.CultureInfo.InvariantCulture);
                line = new Line(At("xMin"), At("yMin"), At("xMax"), At("yMax"), "");
                text.Clear();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "word" && line is not null)
            {
                if (text.Length > 0) text.Append(' ');
                text.Append(reader.ReadElementContentAsString());
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "line" && line is not null)
            {
                pages[^1].Add(line with { Text = text.ToString() });
                line = null;
            }
        }
        return pages;
    }

    [SkippableFact]
    public void The_corpus_as_a_two_column_A4_digest_keeps_kinsoku_balances_each_chapters_end_and_reads_every_paragraph_in_order()
    {
        Skip.If(TestPaths.Corpus is null, TestPaths.CorpusMissing);
        Poppler.Require();
        using var temp = new TempFolder();
        var categories = Directory.GetDirectories(Path.Combine(TestPaths.Corpus!, "pages")).Order(StringComparer.Ordinal).ToList();
        var profile = DeviceProfile.Find("print-a4-2col")!;
        var result = TestBuild.Run(temp, categories, fonts: TestBuild.BundledFonts, formats: OutputFormats.Pdf, settings: [BuildSettings.Layer(profile)]);
        var pdf = Assert.Single(result.Outputs).Path;
        var pages = Lines(pdf, temp.File("boxes.html"));

        // The page: A4; the text area inside 16 mm margins (the running head above it, the page number below).
        const double mm = 72 / 25.4;
        var (width, height) = (210 * mm, 297 * mm);
        var (top, bottom, middle) = (16 * mm - 2, height - 16 * mm + 2, width / 2);
        var lineHeight = profile.BodySize * 1.75;
        bool InText(Line l) => l.Top >= top && l.Bottom <= bottom;
        bool IsLeft(Line l) => l.Right <= middle;
        bool IsRight(Line l) => l.Left >= middle;

        using var outlines = JsonDocument.Parse(Poppler.Run("qpdf", "--json", "--json-key=outlines", pdf));
        var starts = outlines.RootElement.GetProperty("outlines").EnumerateArray().Select(o => o.GetProperty("destpageposfrom1").GetInt32()).ToList();
        Assert.Equal(result.Book.Chapters.Count, starts.Count);

        // Kinsoku, in every line of the chapters: a closing mark may start a line only where the
        // source starts a paragraph with it ("，其数据…" after a line break), an opening mark end
        // one only where the source ends a paragraph or a title with it ("…抛弃“" typed for ”).
        var uncovered = result.Fonts.Uncovered.Select(u => u.Codepoint).ToHashSet();
        string Drawn(string s) => uncovered.Count == 0 ? s : string.Concat(s.EnumerateRunes().Where(r => !uncovered.Contains(r.Value)));
        var sourceLines = result.Book.Articles.SelectMany(a => EbookBuilder.Model.Text.PlainText.Of(a.Blocks).Split('\n', '\t').Append(a.Title))
            .Select(Comparable).Where(p => p.Length > 0).ToList();
        var broken = new List<string>();
        for (var p = starts[0]; p <= pages.Count; p++)
        {
            foreach (var line in pages[p - 1].Where(InText))
            {
                var c = Comparable(line.Text);
                if (c.Length == 0) continue;
                if (StartsWithClosing().IsMatch(line.Text) && !sourceLines.Any(s => s.StartsWith(c[..Math.Min(6, c.Length)], StringComparison.Ordinal)))
                    broken.Add($"page {p}: starts with a closing mark: {line.Text}");
                if (EndsWithOpening().IsMatch(line.Text) && !sourceLines.Any(s => s.EndsWith(c[Math.Max(0, c.Length - 6)..], StringComparison.Ordinal)))
                    broken.Add($"page {p}: ends with an opening mark: {line.Text}");
            }
        }
        Assert.True(broken.Count == 0, string.Join("\n", broken.Take(10)));

        // Each chapter's last page: the last band's columns end within four lines of each other (a
        // paragraph of three lines is not split two and one, nor a figure), and the right one is
        // not empty when the left holds more than four lines.
        var ends = starts.Skip(1).Select(s => s - 1).Append(pages.Count).ToList();
        var unbalanced = new List<string>();
        foreach (var end in ends)
        {
            var lines = pages[end - 1].Where(InText).ToList();
            var across = lines.Where(l => !IsLeft(l) && !IsRight(l)).Select(l => l.Bottom).DefaultIfEmpty(top).Max();
            var left = lines.Where(l => IsLeft(l) && l.Top >= across).ToList();
            var right = lines.Where(l => IsRight(l) && l.Top >= across).ToList();
            var leftEnd = left.Select(l => l.Bottom).DefaultIfEmpty(across).Max();
            var rightEnd = right.Select(l => l.Bottom).DefaultIfEmpty(across).Max();
            output.WriteLine($"chapter ending on page {end}: left column to {leftEnd:0} pt, right to {rightEnd:0} pt");
            if (Math.Abs(leftEnd - rightEnd) >= 4 * lineHeight || (right.Count == 0 && leftEnd - across > 4 * lineHeight))
                unbalanced.Add($"page {end}: the left column ends at {leftEnd:0} pt, the right at {rightEnd:0} pt");
        }
        Assert.True(unbalanced.Count == 0, string.Join("\n", unbalanced));

        // Every paragraph, in the book's order, in the pages read band by band. What is set across
        // the columns: a line over the page's middle, a line of an article's title (taller than the
        // body's lines, the most common height, and part of a title: a line in a fallback font may
        // be as tall), and the meta line right under a title.
        var body = pages.Skip(starts[0] - 1).Take(20).SelectMany(p => p).GroupBy(l => Math.Round(l.Bottom - l.Top)).MaxBy(g => g.Count())!.Key;
        var titles = string.Join("\n", result.Book.Articles.Select(a => Comparable(a.Title)));
        bool IsTitle(Line line) => line.Bottom - line.Top > 1.3 * body && Comparable(line.Text) is { Length: > 0 } c && titles.Contains(c, StringComparison.Ordinal);
        var text = new StringBuilder();
        for (var p = starts[0]; p <= pages.Count; p++)
        {
            var lines = pages[p - 1].Where(InText).OrderBy(l => l.Top).ToList();
            var spans = new List<Line>();
            Line? lastTitle = null;
            foreach (var line in lines)
            {
                var meta = lastTitle is not null && line.Top - lastTitle.Bottom < body && Math.Abs(line.Left - lastTitle.Left) < 1;
                if (IsTitle(line)) lastTitle = line;
                if ((!IsLeft(line) && !IsRight(line)) || line == lastTitle || meta) spans.Add(line);
            }
            var bandTop = top;
            foreach (var span in spans.Append(null))
            {
                var bandEnd = span?.Top ?? bottom;
                foreach (var line in lines.Where(l => IsLeft(l) && !spans.Contains(l) && l.Top >= bandTop && l.Top < bandEnd)) text.Append(line.Text);
                foreach (var line in lines.Where(l => IsRight(l) && !spans.Contains(l) && l.Top >= bandTop && l.Top < bandEnd)) text.Append(line.Text);
                if (span is not null) text.Append(span.Text);
                bandTop = bandEnd;
            }
        }
        var read = Drawn(Comparable(text.ToString()));
        var label = Comparable(Labels.For(result.Book.Metadata.Language).ImageMissing);
        var captions = result.Book.Articles.SelectMany(a => Figures.In(a.Blocks)).Select(f => Drawn(Comparable(Plain.Of(f.Caption))))
            .SelectMany(c => new[] { c + label, c }).Where(c => c.Length > 0).Distinct().ToList();
        var at = 0;
        var lost = new List<string>();
        var paragraphs = 0;
        // A table across is read row by row, its cells in both halves of the page: an article with
        // a table is left to the one-column test and ColumnBookTests' table case.
        var withTables = result.Book.Articles.Where(a => a.Blocks.OfType<Table>().Any()).ToHashSet();
        foreach (var article in result.Book.Articles.Where(a => !withTables.Contains(a)))
        {
            foreach (var paragraph in article.Blocks.OfType<Paragraph>())
            {
                var expected = Drawn(Comparable(Plain.Of(paragraph.Content)));
                // Right-to-left text is drawn in visual order, which pdftotext's lines keep: the one-column test reads those paragraphs.
                if (expected.Length == 0 || RightToLeft().IsMatch(expected)) continue;
                paragraphs++;
                // From where the paragraph before was read (a short one may recur far ahead: it does not move the place).
                var found = read.IndexOf(expected, at, StringComparison.Ordinal);
                if (found >= 0 && (expected.Length >= 20 || found - at < 20_000)) at = found;
                else if (found < 0 && !ReadsAroundAFigure(expected, read, captions))
                    lost.Add($"{article.Source.File}: " + Divergence(expected, read[at..Math.Min(read.Length, at + 20_000)]));
            }
        }
        output.WriteLine($"{pages.Count} pages, {paragraphs} paragraphs read in order ({withTables.Count} articles with tables left out), {ends.Count} chapter ends balanced");
        Assert.True(lost.Count == 0, $"{lost.Count} of {paragraphs} paragraphs not read in order: " + string.Join("\n", lost.Take(30)));
    }
}
