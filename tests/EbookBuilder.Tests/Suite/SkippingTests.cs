using System.Text.RegularExpressions;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Suite;

/// <summary>
/// The suite's own rule: a test that needs an outside tool (epubcheck, poppler, calibre, Ace,
/// OpenCC, TurboJPEG) skips with a message where the tool is missing and fails on CI. Its helpers
/// skip by throwing xunit's SkipException, which only [SkippableFact] and [SkippableTheory] turn
/// into a skip: in a plain [Fact] it is a failure, and a fresh machine without the tool fails the
/// README's test command.
/// </summary>
public sealed partial class SkippingTests
{
    private static readonly string[] Tools = ["EpubCheck.", "Poppler.", "Calibre.", "Ace.", "OpenCcLibrary.", "TurboJpegLibrary."];

    [GeneratedRegex(@"^    \[(?<kind>Fact|Theory|SkippableFact|SkippableTheory)\b[^\n]*\n(?:    \[[^\n]*\n)*    public (?:async Task|void) (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TestMethod();

    [Fact]
    public void Every_test_that_uses_an_outside_tool_can_skip()
    {
        var folder = Path.Combine(TestPaths.RepoRoot, "tests", "EbookBuilder.Tests");
        var sources = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(sources.Count > 50, $"{sources.Count} test sources found under {folder}");
        var wrong = new List<string>();
        var seen = 0;
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            var tests = TestMethod().Matches(text);
            for (var i = 0; i < tests.Count; i++)
            {
                seen++;
                if (tests[i].Groups["kind"].Value is not ("Fact" or "Theory")) continue;
                var end = i + 1 < tests.Count ? tests[i + 1].Index : text.Length;
                var body = text[tests[i].Index..end];
                if (Tools.FirstOrDefault(t => body.Contains(t, StringComparison.Ordinal)) is { } tool)
                    wrong.Add($"{Path.GetRelativePath(folder, file)}: {tests[i].Groups["name"].Value} uses {tool.TrimEnd('.')} but is a plain [{tests[i].Groups["kind"].Value}]");
            }
        }
        Assert.True(seen > 300, $"only {seen} tests recognised: the pattern no longer matches the suite's layout");
        Assert.True(wrong.Count == 0, "make these [SkippableFact] / [SkippableTheory]:\n" + string.Join('\n', wrong));
    }
}
