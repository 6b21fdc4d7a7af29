using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using EbookBuilder.Cli;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Cli;

/// <summary>Builds that cannot finish: a bad, read-only or full output folder, and Ctrl+C in the middle of a build.</summary>
public sealed class FailureTests
{
    private static readonly string Example = Path.Combine(TestPaths.RepoRoot, "examples", "weekly");

    private static (int Code, string Err) Run(params string[] args)
    {
        var (code, _, stderr) = CliRun.Invoke(args);
        return (code, stderr);
    }

    [Fact]
    public void An_output_folder_that_is_a_file_stops_the_build_before_any_work()
    {
        using var temp = new TempFolder();
        var file = temp.Write("dist", "not a folder");
        var (code, stderr) = Run("build", Example, "-o", file, "--cache-dir", temp.File("cache"));
        Assert.Equal(1, code);
        Assert.Contains($"the output folder {file} is a file", stderr);
        Assert.Equal("not a folder", File.ReadAllText(file));
        Assert.False(Directory.Exists(temp.File("cache")), "work was done before the output folder was checked");
    }

    [Fact]
    public void An_output_folder_that_cannot_be_made_is_a_clear_error()
    {
        var (code, stderr) = Run("build", Example, "-o", "/proc/ebook-cannot-be-here", "-f", "epub");
        Assert.Equal(1, code);
        Assert.Contains("cannot write to the output folder /proc/ebook-cannot-be-here", stderr);
        Assert.Contains("give a writable folder with -o", stderr);
    }

    /// <summary>
    /// A file system too small for the book. Each build runs in a process of its own: Skia writes
    /// the PDF through a callback, and a failed write there used to abort the process (exit 134)
    /// and leave the temporary file.
    /// </summary>
    [SkippableTheory]
    [InlineData("epub", "size=160k")] // the example's EPUB is about 210 KB
    [InlineData("pdf", "size=64k")]
    public void A_full_disk_is_a_clear_error_that_leaves_no_partial_book_and_keeps_the_earlier_one(string format, string size)
    {
        using var temp = new TempFolder();
        OnTmpfs(temp, size, disk =>
        {
            var earlier = Path.Combine(disk, "示例周刊." + format);
            File.WriteAllText(earlier, "an earlier book");
            var cli = Path.Combine(AppContext.BaseDirectory, "ebook.dll");
            using var process = Process.Start(new ProcessStartInfo("dotnet", [cli, "build", Example, "-o", disk, "-f", format, "--cache-dir", temp.File("cache")])
                { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var stderrTask = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "the build did not end");
            var stderr = stderrTask.Result;
            Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}: {stderr}");
            Assert.Contains("No space left on device", stderr);
            Assert.Contains(disk, stderr); // the book's own name, not the temporary file's
            Assert.DoesNotContain(".tmp", stderr);
            Assert.Contains("an earlier file of that name is unchanged", stderr);
            Assert.Equal("an earlier book", File.ReadAllText(earlier));
            Assert.Equal([earlier], Directory.GetFiles(disk)); // no temporary file, no half a book
        });
    }

    [SkippableFact]
    public void A_report_on_a_full_disk_is_a_clear_error_that_leaves_no_temporary_file_and_keeps_the_earlier_report()
    {
        using var temp = new TempFolder();
        OnTmpfs(temp, "size=4k", disk =>
        {
            var report = Path.Combine(disk, "report.json");
            File.WriteAllText(report, "{}");
            var (code, stderr) = Run("build", Example, "-o", temp.File("out"), "-f", "epub", "--cache-dir", temp.File("cache"), "--report", report);
            Assert.Equal(1, code);
            Assert.Contains("No space left on device", stderr);
            Assert.DoesNotContain(".tmp", stderr);
            Assert.Equal("{}", File.ReadAllText(report));
            Assert.Equal([report], Directory.GetFiles(disk));
        });
    }

    [SkippableFact]
    public void An_image_cache_on_a_full_disk_is_a_warning_and_the_book_is_built_with_its_images()
    {
        using var temp = new TempFolder();
        OnTmpfs(temp, "size=4k", cache =>
        {
            var (code, stderr) = Run("build", Example, "-o", temp.File("out"), "-f", "epub", "--cache-dir", cache);
            Assert.True(code == 0, stderr);
            Assert.Contains("warning IMG003", stderr);
            Assert.Contains("No space left on device", stderr);
            Assert.Empty(Directory.GetFiles(cache, "*.tmp", SearchOption.AllDirectories));
            Assert.Contains(new EpubContents(temp.File("out/示例周刊.epub")).Names, n => n.StartsWith("OEBPS/images/", StringComparison.Ordinal));
        });
    }

    [SkippableFact]
    public void A_read_only_output_folder_stops_the_build_before_any_work()
    {
        using var temp = new TempFolder();
        // chmod does not stop root; a read-only mount does.
        OnTmpfs(temp, "ro,size=1m", folder =>
        {
            var (code, stderr) = Run("build", Example, "-o", folder, "--cache-dir", temp.File("cache"));
            Assert.Equal(1, code);
            Assert.Contains($"cannot write to the output folder {folder} (Read-only file system)", stderr);
            Assert.DoesNotContain(".tmp", stderr);
            Assert.False(Directory.Exists(temp.File("cache")), "work was done before the output folder was checked");
        });
    }

    /// <summary>Runs <paramref name="test"/> on a fresh tmpfs mounted with <paramref name="options"/>; skipped, saying why, where mounting is not allowed.</summary>
    private static void OnTmpfs(TempFolder temp, string options, Action<string> test)
    {
        Skip.IfNot(RuntimeInformation.IsOSPlatform(OSPlatform.Linux), "mounts a tmpfs");
        var folder = temp.File("mounted");
        Directory.CreateDirectory(folder);
        var (mounted, why) = Program("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder);
        Skip.IfNot(mounted, $"cannot mount a tmpfs ({options}): needs root with CAP_SYS_ADMIN: {why}");
        try
        {
            test(folder);
        }
        finally
        {
            Program("umount", folder);
        }
    }

    private static (bool Ok, string Output) Program(string name, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(name, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode == 0, output.Trim());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, e.Message);
        }
    }

    [SkippableTheory]
    [InlineData("INT")]  // Ctrl+C
    [InlineData("TERM")] // kill, a service manager
    [InlineData("HUP")]  // the terminal closed
    public async Task Ctrl_C_SIGTERM_and_SIGHUP_stop_promptly_leave_no_temporary_file_and_keep_the_earlier_book(string signal)
    {
        Skip.IfNot(RuntimeInformation.IsOSPlatform(OSPlatform.Linux), "sends signals with kill(1)");
        // A shell starts a background job (`dotnet test &`) with SIGINT ignored, and every child
        // inherits that, as POSIX means it to: the build then rightly never hears Ctrl+C.
        Skip.If(signal == "INT" && SigIntIgnored(),
            "SIGINT is ignored in this test process (the tests were started in the background by a shell), so no child can receive it; run the tests in the foreground to try Ctrl+C");
        using var temp = new TempFolder();
        // Images that take 30 s each: the build is certainly still fetching when Ctrl+C comes.
        using var server = new ImageServer().Map("/slow.jpg", async (context, _) => { await Task.Delay(30_000); await ImageServer.Send(context, 200, [0xFF, 0xD8]); });
        for (var i = 0; i < 6; i++)
            temp.Write($"book/pages/{i}.md", $"# 文章{i}\n\n正文{i}。\n\n<img src=\"{server.Url("/slow.jpg")}?n={i}\">\n");
        var output = temp.File("out");
        Directory.CreateDirectory(output);
        var earlier = temp.Write("out/书.epub", "an earlier book");

        var cli = Path.Combine(AppContext.BaseDirectory, "ebook.dll");
        var start = new ProcessStartInfo("dotnet", [cli, "build", temp.File("book/pages"), "--title", "书", "-o", output, "-f", "all",
            "--cache-dir", temp.File("cache")]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        await WaitForAsync(() => server.Requests >= 1, TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();
        Process.Start("kill", [$"-{signal}", process.Id.ToString()])!.WaitForExit();
        var exited = process.WaitForExit(10_000);
        if (!exited) process.Kill(entireProcessTree: true);
        var stderr = await stderrTask;
        Assert.True(exited, $"the build did not stop within 10 s of SIG{signal}; it had printed:\n{stderr}");
        await stdoutTask;

        Assert.Equal(130, process.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains("cancelled", stderr);
        Assert.Equal("an earlier book", File.ReadAllText(earlier));
        Assert.Equal(new[] { "书.epub" }, Directory.GetFiles(output).Select(f => Path.GetFileName(f)).ToArray());
    }

    /// <summary>Whether SIGINT is ignored in this process (bit 1 of SigIgn in /proc/self/status).</summary>
    private static bool SigIntIgnored()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0b10) != 0;
    }

    [SkippableFact]
    public async Task SIGTERM_while_the_PDF_is_laid_out_ends_the_build_within_seconds_with_no_temporary_file()
    {
        // The layout of a long book used to hear nothing until its next page went to the writer;
        // a long article's layout (a huge token) only ended through the forced exit, leaving the file.
        Skip.IfNot(RuntimeInformation.IsOSPlatform(OSPlatform.Linux), "sends signals with kill(1)");
        using var temp = new TempFolder();
        var paragraph = string.Concat(Enumerable.Repeat("这是一段用来排版的正文，长度足够占满几行。", 12));
        for (var i = 0; i < 600; i++)
            temp.Write($"book/pages/{i:D3}.md", $"# 第{i}篇\n\n" + string.Join("\n\n", Enumerable.Repeat(paragraph, 8)) + "\n");
        var output = temp.File("out");
        Directory.CreateDirectory(output);
        var cli = Path.Combine(AppContext.BaseDirectory, "ebook.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [cli, "build", temp.File("book/pages"), "--title", "长书", "-o", output, "-f", "pdf",
            "--no-images", "--cache-dir", temp.File("cache")]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        // The PDF's temporary file exists from the first page on: the layout is under way.
        await WaitForAsync(() => Directory.GetFiles(output, "*.tmp").Length > 0 || process.HasExited, TimeSpan.FromSeconds(60));
        Assert.False(process.HasExited, "the book was written before the signal could be sent: make it longer");
        var clock = Stopwatch.StartNew();
        Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit();
        var exited = process.WaitForExit(10_000);
        if (!exited) process.Kill(entireProcessTree: true);
        var stderr = await stderrTask;
        await stdoutTask;
        Assert.True(exited, $"the build did not stop within 10 s of SIGTERM; it had printed:\n{stderr}");
        Assert.Equal(130, process.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"took {clock.Elapsed}");
        Assert.Empty(Directory.GetFiles(output));
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit) throw new TimeoutException("the build never got that far");
            await Task.Delay(50);
        }
    }
}
