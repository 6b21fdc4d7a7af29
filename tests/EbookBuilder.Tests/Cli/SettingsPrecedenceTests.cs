using System.Text.Json;
using EbookBuilder.Pipeline;
using EbookBuilder.Tests.Support;
using SkiaSharp;

namespace EbookBuilder.Tests.Cli;

/// <summary>
/// One settings resolver: defaults &lt; device profile &lt; book.toml &lt; command line, each value
/// with its source in the report. The two bugs it fixes: a profile's PDF half beat book.toml's
/// [pdf] keys, and book.toml's grayscale = false could not undo an e-ink profile.
/// </summary>
public sealed class SettingsPrecedenceTests
{
    private static readonly string[] Order = ["defaults", "profile kobo", "book.toml", "command line"];

    public static TheoryData<int, int> Pairs()
    {
        var data = new TheoryData<int, int>();
        for (var lower = 0; lower < Order.Length; lower++)
            for (var higher = lower + 1; higher < Order.Length; higher++) data.Add(lower, higher);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_later_layer_wins_over_an_earlier_one_key_by_key(int lower, int higher)
    {
        var layers = Order.Select((name, i) => new SettingsLayer(name, new Dictionary<string, object>())).ToArray();
        layers[lower] = new SettingsLayer(Order[lower], new Dictionary<string, object> { ["body-size"] = 9.0, ["page-size"] = "A4" });
        layers[higher] = new SettingsLayer(Order[higher], new Dictionary<string, object> { ["body-size"] = 14.0 });
        var settings = BuildSettings.Resolve(layers);
        Assert.Equal(new Setting(14.0, Order[higher]), settings.Values["body-size"]);
        Assert.Equal(new Setting("A4", Order[lower]), settings.Values["page-size"]); // a key only the lower layer sets stays its
        Assert.Equal(14.0, settings.Theme["bodySize"]);
    }

    private static string Book(TempFolder temp, string extra)
    {
        temp.Write("book/pages/1.md", "# 设置\n\n这是一篇用来检查设置优先次序的文章。\n\n![彩色图片](photo.png)\n");
        using (var bitmap = new SKBitmap(64, 48))
        {
            bitmap.Erase(new SKColor(220, 30, 30));
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(temp.File("book/pages/photo.png"), data.ToArray());
        }
        return temp.Write("book/book.toml", $"""
            [book]
            title = "设置"

            [output]
            profile = "kobo"
            report = "dist/r.json"
            formats = ["all"]

            {extra}

            [[chapter]]
            sources = ["pages"]
            """);
    }

    private static Dictionary<string, (string Value, string From)> Settings(TempFolder temp) =>
        JsonDocument.Parse(File.ReadAllText(temp.File("book/dist/r.json"))).RootElement.GetProperty("settings").EnumerateObject()
            .ToDictionary(p => p.Name, p => (p.Value.GetProperty("value").GetString()!, p.Value.GetProperty("from").GetString()!));

    [Fact]
    public void Book_toml_pdf_keys_win_over_the_profile_and_change_the_pdf()
    {
        using var temp = new TempFolder();
        var toml = Book(temp, "[pdf]\nbody-size = 14\nmargin-top-mm = 30\n");
        var (code, _, stderr) = CliRun.Invoke("build", toml, "--cache-dir", temp.File("cache"));
        Assert.True(code == 0, stderr);
        var settings = Settings(temp);
        Assert.Equal(("14", "book.toml"), settings["body-size"]);
        Assert.Equal(("30", "book.toml"), settings["margin-top-mm"]);
        Assert.Equal(("6", "profile kobo"), settings["margin-bottom-mm"]);
        Assert.Equal(("90x120mm", "profile kobo"), settings["page-size"]);
        Assert.Equal(("1072x1448", "profile kobo"), settings["image-max"]);
        Assert.Equal("defaults", settings["line-height"].From);
        var withKeys = File.ReadAllBytes(temp.File("book/dist/设置.pdf"));

        File.WriteAllText(toml, File.ReadAllText(toml).Replace("[pdf]\nbody-size = 14\nmargin-top-mm = 30\n", ""));
        (code, _, stderr) = CliRun.Invoke("build", toml, "--cache-dir", temp.File("cache"));
        Assert.True(code == 0, stderr);
        Assert.Equal(("9", "profile kobo"), Settings(temp)["body-size"]);
        Assert.NotEqual(withKeys, File.ReadAllBytes(temp.File("book/dist/设置.pdf")));
    }

    [Fact]
    public void Book_toml_grayscale_false_undoes_an_e_ink_profile_and_the_command_line_wins_over_both()
    {
        using var temp = new TempFolder();
        var toml = Book(temp, "[images]\ngrayscale = false\n\n[pdf]\npage-size = \"A5\"\n");
        var (code, _, stderr) = CliRun.Invoke("build", toml, "--cache-dir", temp.File("cache"));
        Assert.True(code == 0, stderr);
        Assert.Equal(("false", "book.toml"), Settings(temp)["grayscale"]);
        Assert.Equal(("A5", "book.toml"), Settings(temp)["page-size"]);
        Assert.False(IsGray(temp), "book.toml says grayscale = false, over the kobo profile");

        (code, _, stderr) = CliRun.Invoke("build", toml, "--cache-dir", temp.File("cache"), "--grayscale", "--page-size", "B5", "--image-max", "800x600", "--verbose");
        Assert.True(code == 0, stderr);
        var settings = Settings(temp);
        Assert.Equal(("true", "command line"), settings["grayscale"]);
        Assert.Equal(("B5", "command line"), settings["page-size"]);
        Assert.Equal(("800x600", "command line"), settings["image-max"]);
        Assert.True(IsGray(temp));
        Assert.Contains("setting page-size = B5 (from command line)", stderr);
    }

    [Fact]
    public void Formats_and_fonts_are_settings_too_with_their_sources()
    {
        using var temp = new TempFolder();
        var toml = Book(temp, "[fonts]\nobfuscate-fonts = true\n");
        var (code, _, stderr) = CliRun.Invoke("build", toml, "--cache-dir", temp.File("cache"));
        Assert.True(code == 0, stderr);
        var settings = Settings(temp);
        Assert.Equal(("epub, pdf", "book.toml"), settings["formats"]);
        Assert.Equal(("true", "book.toml"), settings["obfuscate-fonts"]);
        Assert.Equal(("false", "defaults"), settings["no-fonts"]);
        Assert.True(File.Exists(temp.File("book/dist/设置.pdf")));

        (code, _, stderr) = CliRun.Invoke("build", toml, "--cache-dir", temp.File("cache"), "--format", "epub", "--no-fonts", "--verbose");
        Assert.True(code == 0, stderr);
        settings = Settings(temp);
        Assert.Equal(("epub", "command line"), settings["formats"]);
        Assert.Equal(("true", "command line"), settings["no-fonts"]);
        Assert.Contains("setting formats = epub (from command line)", stderr);

        // book.toml's no-fonts with its formats = ["all"]: the PDF's need of fonts is checked on the resolved settings.
        File.WriteAllText(toml, File.ReadAllText(toml).Replace("obfuscate-fonts = true", "no-fonts = true"));
        (code, _, stderr) = CliRun.Invoke("build", toml, "--cache-dir", temp.File("cache"));
        Assert.Equal(1, code);
        Assert.Contains("a PDF needs embedded fonts", stderr);
    }

    /// <summary>Whether the EPUB's one image (not the cover) is grey.</summary>
    private static bool IsGray(TempFolder temp)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(temp.File("book/dist/设置.epub"));
        var image = Assert.Single(zip.Entries, e => e.FullName.StartsWith("OEBPS/", StringComparison.Ordinal)
            && (e.FullName.EndsWith(".png", StringComparison.Ordinal) || e.FullName.EndsWith(".jpg", StringComparison.Ordinal))
            && !e.FullName.Contains("cover", StringComparison.Ordinal));
        using var stream = new MemoryStream();
        using (var entry = image.Open()) entry.CopyTo(stream);
        using var bitmap = SKBitmap.Decode(stream.ToArray());
        var pixel = bitmap.GetPixel(bitmap.Width / 2, bitmap.Height / 2);
        return Math.Abs(pixel.Red - pixel.Green) <= 2 && Math.Abs(pixel.Green - pixel.Blue) <= 2;
    }
}
