using System.Diagnostics;

namespace EbookBuilder.Tests.Support;

/// <summary>The real PDF readers (poppler-utils, qpdf), run as programs.</summary>
internal static class Poppler
{
    public static void Require()
    {
        if (File.Exists("/usr/bin/pdftotext") && File.Exists("/usr/bin/qpdf")) return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("poppler-utils and qpdf are missing on CI: .ci/run must install them");
        Skip.If(true, "poppler-utils or qpdf not installed: PDF reader tests skipped");
    }

    public static string Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed: {stderr.Result}");
        return output;
    }
}
