using System.Diagnostics;
using System.Text.Json;

namespace EbookBuilder.Tests.Support;

/// <summary>Runs the real validator, Debian's epubcheck jar, and reads its JSON report.</summary>
internal static class EpubCheck
{
    private const string Jar = "/usr/share/java/epubcheck.jar";

    public sealed record Result(int Fatals, int Errors, int Warnings, IReadOnlyList<string> Messages)
    {
        public override string ToString() =>
            $"{Fatals} fatals / {Errors} errors / {Warnings} warnings\n" + string.Join('\n', Messages.Take(30));
    }

    public static bool Available => File.Exists(Jar);

    /// <summary>Skips the test when epubcheck is missing, except on CI, where its absence is a failure.</summary>
    public static void RequireAvailable()
    {
        if (Available) return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException($"{Jar} is missing on CI: .ci/run must install epubcheck");
        Skip.If(true, $"{Jar} not installed (apt-get install epubcheck): epubcheck tests are skipped");
    }

    public static Result Check(string epub)
    {
        RequireAvailable();
        var json = Path.Combine(Path.GetTempPath(), $"epubcheck-{Guid.NewGuid():N}.json");
        try
        {
            // epubcheck's reading-order check recurses once per reference: a whole-corpus book
            // (10,677 page breaks) overflowed Java's default stack, and the report still said 0/0/0.
            var start = new ProcessStartInfo("java", ["-Xss64m", "-jar", Jar, epub, "--json", json])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(true); throw new TimeoutException("epubcheck did not finish"); }
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var checker = doc.RootElement.GetProperty("checker");
            var messages = doc.RootElement.GetProperty("messages").EnumerateArray()
                .Select(m => $"{m.GetProperty("severity").GetString()} {m.GetProperty("ID").GetString()}: {m.GetProperty("message").GetString()} " +
                             string.Join(", ", m.GetProperty("locations").EnumerateArray().Take(3).Select(l => $"{l.GetProperty("path").GetString()}:{l.GetProperty("line")}")))
                .ToList();
            var fatals = checker.GetProperty("nFatal").GetInt32();
            var errors = checker.GetProperty("nError").GetInt32();
            // A run that ends in a Java error writes a report of what it reached, and exits 1: a
            // failure however clean that report looks.
            if (process.ExitCode != 0 && fatals + errors == 0)
            {
                fatals = 1;
                messages.Insert(0, $"FATAL: epubcheck exited {process.ExitCode} with no error reported: " +
                    string.Join(" ", stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(3)));
            }
            return new Result(fatals, errors, checker.GetProperty("nWarning").GetInt32(), messages);
        }
        finally
        {
            File.Delete(json);
        }
    }

    public static void AssertValid(string epub)
    {
        var result = Check(epub);
        Assert.True(result.Fatals == 0 && result.Errors == 0 && result.Warnings == 0, $"epubcheck {epub}: {result}");
    }
}
