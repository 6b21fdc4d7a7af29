using System.Text.RegularExpressions;
using EbookBuilder.Epub;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Epub;

/// <summary>
/// Kobo's EPUB: every sentence of every paragraph in a koboSpan, the body in Kobo's wrappers,
/// valid EPUB 3, and the text the EPUB's.
/// </summary>
public sealed partial class KepubTests
{
    [Fact]
    public void Chinese_and_Latin_sentences_end_at_their_marks_and_keep_their_closing_quotes()
    {
        Assert.Equal(["第一句。", "第二句！", "他问：“第三句？”", "第四句"], KoboSpans.Sentences("第一句。第二句！他问：“第三句？”第四句"));
        Assert.Equal(["It costs 3.14 dollars. ", "Really?! ", "Yes…"], KoboSpans.Sentences("It costs 3.14 dollars. Really?! Yes…"));
        Assert.Equal(["没有句末"], KoboSpans.Sentences("没有句末"));
    }

    [SkippableFact]
    public void A_kepub_has_a_span_per_sentence_the_wrappers_and_the_epubs_text_and_passes_epubcheck()
    {
        EpubCheck.RequireAvailable();
        using var temp = new TempFolder();
        temp.Write("src/1.md", "# 第一篇\n\n第一句。第二句！**加粗的第三句？**第四句\n\n- 列表一。列表二。\n- 列表三\n\n> 引用的一句。\n");
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("src"), "--name", "k", "-f", "epub,kepub", "-o", temp.File("out"), "--no-images", "-q");
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(temp.File("out/k.kepub.epub")));
        var kepub = new EpubContents(temp.File("out/k.kepub.epub"));
        var epub = new EpubContents(temp.File("out/k.epub"));
        var page = kepub.Article(0, 0);
        Assert.Contains("<div id=\"book-columns\"><div id=\"book-inner\">", page);
        var spans = KoboSpan().Matches(page).Select(m => (Id: m.Groups[1].Value, Text: m.Groups[2].Value)).ToList();
        Assert.Contains(("kobo.2.1", "第一句。"), spans); // paragraph 1 is the title
        Assert.Contains(("kobo.2.2", "第二句！"), spans);
        Assert.Contains(("kobo.2.3", "加粗的第三句？"), spans); // inside the emphasis
        Assert.Contains(("kobo.2.4", "第四句"), spans);
        Assert.Contains(spans, s => s.Text == "列表二。");
        Assert.Contains(spans, s => s.Text == "引用的一句。");
        Assert.Equal(spans.Count, spans.Select(s => s.Id).Distinct().Count());
        // The text is the EPUB's: only Kobo's elements were added.
        Assert.Equal(Text(epub.Article(0, 0)), Text(page));
        foreach (var file in new[] { "out/k.kepub.epub", "out/k.epub" })
        {
            var check = EpubCheck.Check(temp.File(file));
            Assert.True(check.Errors + check.Fatals == 0, file + ": " + check);
        }
    }

    [Fact]
    public void Output_naming_a_kepub_file_writes_it()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Invoke("build", TestPaths.Fixture("book", "pages", "cat1"), "-o", temp.File("book.kepub.epub"), "-q");
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(temp.File("book.kepub.epub")));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    /// <summary>The page's body text: tags removed, whitespace as it is.</summary>
    private static string Text(string xhtml) => Tags().Replace(xhtml[xhtml.IndexOf("<body", StringComparison.Ordinal)..], "");

    [GeneratedRegex("<span class=\"koboSpan\" id=\"(kobo\\.\\d+\\.\\d+)\">([^<]*)</span>")]
    private static partial Regex KoboSpan();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
