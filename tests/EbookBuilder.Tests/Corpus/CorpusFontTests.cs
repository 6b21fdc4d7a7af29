using System.Text;
using System.Xml.Linq;
using EbookBuilder.Fonts;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Corpus;

/// <summary>A 60-article corpus book: its fonts are small, cover every character the book shows and nothing else.</summary>
public sealed class CorpusFontTests
{
    [SkippableFact]
    public void Sixty_article_book_embeds_fonts_under_2_MB_that_cover_exactly_its_characters()
    {
        Skip.If(TestPaths.Corpus is null, TestPaths.CorpusMissing);
        var files = Directory.GetFiles(Path.Combine(TestPaths.Corpus!, "pages", "nsc418"), "*.md").Order(StringComparer.Ordinal).Take(60).ToArray();
        using var temp = new TempFolder();
        var result = TestBuild.Run(temp, files, title: "六十篇", fonts: TestBuild.BundledFonts with { SystemFallbacks = false });
        Assert.Equal(60, result.Book.Articles.Count());
        var total = result.Fonts.Faces.Sum(f => f.Bytes.Length);
        Assert.True(total < 2_000_000, $"fonts take {total:N0} bytes");

        // Every character in the book's XHTML text (read back from the EPUB) has a glyph in some embedded subset ...
        var epub = new EpubContents(result.Outputs[0].Path);
        var shown = new HashSet<int>();
        foreach (var xhtml in epub.Texts.Where(t => t.Key.EndsWith(".xhtml")).Select(t => t.Value))
        {
            var body = XDocument.Parse(xhtml).Root!.Elements().Last();
            foreach (var rune in body.Value.EnumerateRunes())
            {
                if (!Rune.IsWhiteSpace(rune) && Rune.GetUnicodeCategory(rune) != System.Globalization.UnicodeCategory.Format && rune.Value is not (>= 0xFE00 and <= 0xFE0F))
                    shown.Add(rune.Value);
            }
        }
        // Headings are set bold only: their characters may be in the bold subset alone.
        var subsets = result.Fonts.Faces.Select(f => FontFile.FromBytes(f.Bytes)!).ToList();
        try
        {
            var uncovered = result.Fonts.Uncovered.Select(u => u.Codepoint).ToHashSet();
            var missing = shown.Where(c => !uncovered.Contains(c) && !subsets.Any(s => s.Covers(c))).ToList();
            Assert.True(missing.Count == 0, "not in any subset: " + string.Concat(missing.Take(40).Select(char.ConvertFromUtf32)));
            // ... and no subset has a CJK character the book does not show (beyond the few the writers add).
            var added = string.Concat(EbookBuilder.Pipeline.Writers.BookWriters.AddedText(EbookBuilder.Pipeline.OutputFormats.All, EbookBuilder.Model.Document.Labels.For(result.Book.Metadata.Language)))
                .EnumerateRunes().Select(r => r.Value).ToHashSet();
            for (var c = 0x4E00; c <= 0x9FFF; c++)
            {
                if (shown.Contains(c) || added.Contains(c)) continue;
                Assert.False(subsets.Any(s => s.Covers(c)), $"the subset has {char.ConvertFromUtf32(c)}, which the book does not use");
            }
        }
        finally
        {
            foreach (var s in subsets) s.Dispose();
        }
        EpubCheck.AssertValid(result.Outputs[0].Path);
    }
}
