using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Pdf;

/// <summary>
/// Copying from the PDF gives back what was written. The page is justified and spaces Chinese from
/// Latin and digits by a quarter em; pdftotext (poppler) reads any gap wider than a tenth of an em
/// between two glyphs as a space, so the drawn text says what it stands for (/ActualText).
/// </summary>
public sealed class TextExtractionTests
{
    private static readonly string[] Paragraphs =
    [
        // Digits and Latin beside Chinese (a quarter-em gap each side), in justified lines.
        "2016年，这家公司在Hello World大会上发布了第3代产品，售价为1,299元，比上一代便宜了200元；到2018年底，它已经卖出了12万台，"
            + "其中一半卖到了海外。负责人说，明年的目标是30万台，并会在2020年推出新的版本，届时价格还会再降一些。",
        // Runs of other faces and links inside a justified line: bold, a link, a URL.
        "记者在现场看到，**数百名市民**排队等候，队伍从门口一直排到了街角。活动详情可以在[官方网站](https://example.org/events)上查到，"
            + "报名地址是 https://example.org/signup/2024/form?id=15&lang=zh 这个链接，名额有限，先到先得。",
        // Quotation marks in full-width boxes, and marks sharing a blank (：“ ’。” ）。): gaps and overlaps.
        "他接着说：“这就是大家常说的‘路径依赖’。”随后（在会后的采访中）。他又补充道：“我们不会放弃，也不会‘走回头路’，请大家放心。”"
            + "现场的人都笑了，“好吧”，“再看看”，“也许吧”，大家这样回答。",
        // Mixed Latin words with their own spaces, and ASCII in the middle of a line.
        "他用英文说了一句 We will keep going no matter what happens next，然后又换回中文，解释了这句话对团队的意义，以及他们为什么要坚持下去。",
    ];

    [SkippableFact]
    public void Pdftotext_of_a_justified_page_with_digits_and_Latin_gives_back_the_source_with_only_line_breaks_added()
    {
        Poppler.Require();
        using var temp = new TempFolder();
        temp.Write("src/1.md", "# 复制的文字\n\n" + string.Join("\n\n", Paragraphs) + "\n");
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("src"), "--title", "复制", "-o", temp.File("out"), "-f", "pdf", "--no-images");
        Assert.True(code == 0, stderr);
        var text = Poppler.Run("pdftotext", temp.File("out/复制.pdf"), "-");
        foreach (var source in Paragraphs.Select(Markdown))
        {
            var at = text.IndexOf(source[..4], StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{source[..4]}' is not in the PDF's text:\n{text}");
            Assert.Equal(source, WithoutLineBreaks(source, text[at..]));
        }
    }

    /// <summary>The paragraph as the reader sees it: no emphasis marks, a link's text only.</summary>
    private static string Markdown(string paragraph) =>
        System.Text.RegularExpressions.Regex.Replace(paragraph.Replace("**", ""), @"\[([^\]]+)\]\([^)]+\)", "$1");

    /// <summary>
    /// <paramref name="extracted"/> read along <paramref name="source"/>: a line break may stand
    /// where the source has a space (the line broke there) or be added between two characters;
    /// anything else is kept, so that a space or a character the PDF adds shows in the comparison.
    /// </summary>
    private static string WithoutLineBreaks(string source, string extracted)
    {
        var read = new System.Text.StringBuilder();
        int i = 0, j = 0;
        while (i < source.Length && j < extracted.Length)
        {
            if (extracted[j] == '\n')
            {
                if (source[i] == ' ') { read.Append(' '); i++; }
                j++;
                continue;
            }
            read.Append(extracted[j]);
            if (extracted[j] != source[i]) break;
            i++;
            j++;
        }
        return read.ToString();
    }
}
