using System.CommandLine;
using System.Text.Json;
using EbookBuilder.Cli;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Cli;

/// <summary>Date ranges for weekly digests, and device profiles.</summary>
public sealed class DigestOptionTests
{
    private static (int Code, string Err) Run(params string[] args)
    {
        var stderr = new StringWriter();
        var code = CommandLine.Create().Parse(args).Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = stderr });
        return (code, stderr.ToString());
    }

    [Fact]
    public void Since_and_until_keep_the_articles_in_range_and_undated_ones_with_a_note()
    {
        using var temp = new TempFolder();
        var undated = temp.Write("extra/undated.html", "<html><body><article><h1>无日期</h1><p>没有日期的文章。</p></article></body></html>");
        var report = temp.File("r.json");
        var (code, _) = Run("build", TestPaths.Fixture("book", "pages", "cat1"), Path.GetDirectoryName(undated)!, "--since", "2021-04-02", "--until", "2021-04-02",
            "-o", temp.Path, "--no-images", "--no-fonts", "--report", report, "-v");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        Assert.Equal(2, json.GetProperty("articles").GetInt32()); // 公交线路调整 (2021-04-02) and the undated one
    }

    [Fact]
    public void A_bad_date_is_a_clear_error()
    {
        var (code, err) = Run("build", TestPaths.Fixture("book", "pages", "cat1"), "--since", "14/09/2020");
        Assert.Equal(1, code);
        Assert.Contains("YYYY-MM-DD", err);
    }

    [SkippableFact]
    public void A_device_profile_sets_the_pdf_page_and_an_unknown_one_is_an_error()
    {
        Poppler.Require();
        using var temp = new TempFolder();
        Assert.Equal(0, Run("build", TestPaths.Fixture("book", "pages", "cat1"), "--profile", "kindle", "-f", "pdf", "--name", "k", "-o", temp.Path, "--no-images").Code);
        var info = Poppler.Run("pdfinfo", temp.File("k.pdf"));
        var size = System.Text.RegularExpressions.Regex.Match(info, @"Page size:\s+([\d.]+) x ([\d.]+) pts");
        Assert.InRange(double.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 254, 256); // 90 mm
        Assert.InRange(double.Parse(size.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 345, 347); // 122 mm
        var (code, err) = Run("build", TestPaths.Fixture("book", "pages", "cat1"), "--profile", "nook");
        Assert.Equal(1, code);
        Assert.Contains("kindle, kobo, koreader, phone, print-a4, print-a5", err);
    }
}
