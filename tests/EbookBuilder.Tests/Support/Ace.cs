using System.Diagnostics;
using System.Text.Json;

namespace EbookBuilder.Tests.Support;

/// <summary>
/// DAISY Ace, the EPUB accessibility checker (npm's @daisy/ace-cli, run on Debian's chromium):
/// .ci/run installs it under .ci/ace; a developer may have ace-cli on the PATH.
/// </summary>
internal static class Ace
{
    public sealed record Finding(string File, string Impact, string Rule, string Description);

    private static string? Executable()
    {
        var local = Path.Combine(TestPaths.RepoRoot, ".ci", "ace", "node_modules", ".bin", "ace-cli");
        if (File.Exists(local)) return local;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "ace-cli");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static string? Chromium() => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    /// <summary>Skips the test when Ace or chromium is missing, except on CI, where their absence is a failure.</summary>
    public static void Require()
    {
        if (Executable() is not null && Chromium() is not null) return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("Ace (.ci/ace) or chromium is missing on CI: .ci/run must install them");
        Skip.If(true, "DAISY Ace or chromium not installed (see the README's accessibility section): the Ace test is skipped");
    }

    public static IReadOnlyList<Finding> Check(string epub)
    {
        Require();
        var output = Path.Combine(Path.GetTempPath(), $"ace-{Guid.NewGuid():N}");
        try
        {
            var start = new ProcessStartInfo(Executable()!, ["--force", "--silent", "--outdir", output, epub])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["PUPPETEER_EXECUTABLE_PATH"] = Chromium();
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Ace did not finish in 5 minutes");
            }
            var report = Path.Combine(output, "report.json");
            if (!File.Exists(report)) throw new InvalidOperationException($"Ace wrote no report (exit {process.ExitCode}): {stderr.Result}{stdout.Result}");
            using var json = JsonDocument.Parse(File.ReadAllText(report));
            var findings = new List<Finding>();
            foreach (var subject in json.RootElement.GetProperty("assertions").EnumerateArray())
            {
                var file = subject.GetProperty("earl:testSubject").GetProperty("url").GetString() ?? "";
                foreach (var a in subject.GetProperty("assertions").EnumerateArray())
                {
                    var test = a.GetProperty("earl:test");
                    var result = a.GetProperty("earl:result");
                    findings.Add(new Finding(file, test.GetProperty("earl:impact").GetString() ?? "", test.GetProperty("dct:title").GetString() ?? "",
                        result.TryGetProperty("dct:description", out var d) ? d.GetString() ?? "" : ""));
                }
            }
            return findings;
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
