using System.CommandLine;
using System.Text.Json;
using EbookBuilder.Cli;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Books;

/// <summary>
/// The book.toml suite (after mdBook's): each folder under fixtures/books is a small book with its
/// expected outcome in expected.json: the exit code, what stderr says (file:line for errors), the
/// chapters and article titles in order, the notes of the report, files written or not, and text
/// the EPUB must or must not hold. Each case is built by the real command line in a copy of its
/// folder; every EPUB built passes epubcheck.
/// </summary>
public sealed class BookFileFixtureTests
{
    private static readonly string Root = TestPaths.Fixture("books");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Root).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(folder));
        return data;
    }

    [Fact]
    public void The_suite_has_its_cases()
    {
        Assert.True(Cases().Count >= 10, "fixtures/books lost its cases");
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Book_builds_as_expected(string name)
    {
        using var temp = new TempFolder();
        var book = temp.CopyOf(Path.Combine(Root, name), name);
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(book, "expected.json"))).RootElement;
        var toml = File.ReadAllText(Path.Combine(book, "book.toml"));

        var args = new List<string> { "build", Path.Combine(book, "book.toml") };
        var report = toml.Contains("report =", StringComparison.Ordinal) ? Path.Combine(book, "out", "report.json") : Path.Combine(temp.Path, "report.json");
        if (!toml.Contains("report =", StringComparison.Ordinal)) args.AddRange(["--report", report]);
        if (!toml.Contains("cache-dir =", StringComparison.Ordinal)) args.AddRange(["--cache-dir", Path.Combine(temp.Path, "cache")]);
        if (expected.TryGetProperty("args", out var extra)) args.AddRange(extra.EnumerateArray().Select(a => a.GetString()!));

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Create().Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });

        Assert.True(expected.GetProperty("exit").GetInt32() == code, $"exit {code}; stderr:\n{stderr}");
        foreach (var text in Strings(expected, "stderr")) Assert.Contains(text, stderr.ToString());
        foreach (var file in Strings(expected, "outputs")) Assert.True(File.Exists(Path.Combine(book, file)), $"{file} was not written; stdout:\n{stdout}");
        foreach (var file in Strings(expected, "absent")) Assert.False(File.Exists(Path.Combine(book, file)), $"{file} should not be written");
        if (code != 0)
        {
            Assert.Empty(Directory.GetFiles(book, "*.epub", SearchOption.AllDirectories));
            return;
        }

        var json = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        if (expected.TryGetProperty("chapters", out var chapters))
        {
            var actual = json.GetProperty("chapters").EnumerateArray()
                .Select(c => (c.GetProperty("title").GetString(), string.Join(" | ", c.GetProperty("titles").EnumerateArray().Select(t => t.GetString())))).ToList();
            var wanted = chapters.EnumerateArray()
                .Select(c => (c.GetProperty("title").GetString(), string.Join(" | ", c.GetProperty("titles").EnumerateArray().Select(t => t.GetString())))).ToList();
            Assert.Equal(wanted, actual);
        }
        var notes = json.GetProperty("notes").ToString();
        foreach (var text in Strings(expected, "notes")) Assert.Contains(text, notes);

        foreach (var epub in Directory.GetFiles(book, "*.epub", SearchOption.AllDirectories))
        {
            var contents = new EpubContents(epub);
            if (expected.TryGetProperty("epub", out var files))
            {
                foreach (var file in files.EnumerateObject())
                    foreach (var text in file.Value.EnumerateArray()) Assert.Contains(text.GetString()!, contents.Texts[file.Name]);
            }
            foreach (var text in Strings(expected, "epubLacks"))
                Assert.DoesNotContain(contents.Texts, t => t.Key.EndsWith(".xhtml", StringComparison.Ordinal) && t.Value.Contains(text, StringComparison.Ordinal));
            if (EpubCheck.Available) EpubCheck.AssertValid(epub);
        }
    }

    private static IEnumerable<string> Strings(JsonElement expected, string name) =>
        expected.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(e => e.GetString()!) : [];
}
