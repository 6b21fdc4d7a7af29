using System.Diagnostics;

namespace EbookBuilder.Tests.Support;

/// <summary>calibre's command-line tools, the test oracle for the Kindle formats (Debian's calibre package).</summary>
internal static class Calibre
{
    public static bool Available => File.Exists("/usr/bin/ebook-convert") && File.Exists("/usr/bin/ebook-meta") && File.Exists("/usr/bin/calibre-debug");

    /// <summary>Skips the test when calibre is missing, except on CI, where its absence is a failure.</summary>
    public static void Require()
    {
        if (Available) return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("calibre is missing on CI: .ci/run must install it");
        Skip.If(true, "calibre not installed (apt-get install calibre): the AZW3 read-back tests are skipped");
    }

    public static string Run(string tool, params string[] args) => RunIn(null, tool, args);

    /// <summary>Runs a calibre tool in <paramref name="directory"/> (calibre-debug writes its findings there).</summary>
    public static string RunIn(string? directory, string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (directory is not null) start.WorkingDirectory = directory;
        start.Environment["QT_QPA_PLATFORM"] = "offscreen";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish in 5 minutes");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} exited {process.ExitCode}: {stderr.Result}\n{stdout.Result}");
        return stdout.Result;
    }
}
