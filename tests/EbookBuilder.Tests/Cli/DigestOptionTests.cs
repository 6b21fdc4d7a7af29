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
    public void Undated_articles_in_a_date_range_are_a_warning_with_their_count_and_files_and_can_be_dropped()
    {
        using var temp = new TempFolder();
        for (var i = 1; i <= 7; i++)
            temp.Write($"extra/undated{i}.html", $"<html><body><article><h1>无日期{i}</h1><p>没有日期的文章{i}。</p></article></body></html>");
        var report = temp.File("r.json");
        string[] build = ["build", TestPaths.Fixture("book", "pages", "cat1"), temp.File("extra"), "--since", "2021-04-02", "--until", "2021-04-02",
            "-o", temp.Path, "--no-images", "--no-fonts", "--report", report];
        var (code, err) = Run(build);
        Assert.Equal(0, code);
        Assert.Contains("warning EB012: 7 article(s) have no date and were kept although a date range is given: undated1.html, undated2.html, undated3.html, undated4.html, undated5.html and 2 more", err);
        Assert.Contains("[output] undated = \"drop\" (or --undated drop)", err);
        Assert.Equal(8, JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("articles").GetInt32());

        (code, err) = Run([.. build, "--undated", "drop"]);
        Assert.Equal(0, code);
        Assert.Contains("warning EB012: 7 article(s) have no date and were left out of the date range", err);
        Assert.Equal(1, JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("articles").GetInt32());

        // The same from a book file, at its line when the value is wrong.
        temp.Write("book/pages/1.html", "<html><body><article><h1>无日期</h1><p>没有日期的文章。</p></article></body></html>");
        temp.Write("book/pages/2.html", "<html><head><meta property=\"article:published_time\" content=\"2021-04-02T09:00:00Z\"></head><body><article><h1>有日期</h1><p>有日期的文章。</p></article></body></html>");
        var toml = temp.Write("book/book.toml", "[book]\ntitle = \"书\"\n\n[output]\nsince = 2021-04-01\nundated = \"drop\"\n\n[[chapter]]\nsources = [\"pages\"]\n");
        (code, err) = Run("build", toml, "--no-images", "--no-fonts", "--report", report);
        Assert.True(code == 0, err);
        Assert.Equal(1, JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("articles").GetInt32());
        File.WriteAllText(toml, File.ReadAllText(toml).Replace("\"drop\"", "\"sometimes\"", StringComparison.Ordinal));
        (code, err) = Run("build", toml, "--no-images", "--no-fonts");
        Assert.Equal(1, code);
        Assert.Contains("book.toml:6: undated 'sometimes' is not keep or drop", err);
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
