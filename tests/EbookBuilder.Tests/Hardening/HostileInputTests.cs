using System.CommandLine;
using System.Text;
using System.Text.Json;
using EbookBuilder.Cli;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Hardening;

/// <summary>Files no one should feed a book, fed to one: the build completes with warnings, and the rest of the book is there.</summary>
public sealed class HostileInputTests
{
    [SkippableFact]
    public void Oversized_binary_entity_bomb_NUL_and_overlong_line_files_leave_a_valid_book_of_the_rest()
    {
        using var temp = new TempFolder();
        temp.Write("pages/01-good.md", "# 正常的文章\n\n这是一篇正常的文章。\n");
        // 9 MB: more than any article may be.
        WriteRepeated(temp, "pages/02-big.md", "# 太大\n\n", "<p>很长很长的正文。</p>\n", 4_800_000);
        File.WriteAllBytes(temp.File("pages/03-binary.md"), [.. "# 二进制\n\n"u8, .. Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7919 % 256))]);
        temp.Write("pages/04-laughs.html",
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
            "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><html><body><h1>实体炸弹</h1><p>&lol3;</p><p>炸弹后面的正文。</p></body></html>");
        temp.Write("pages/05-nul.md", "# 空字符\n\n正文\0里有\0空字符\u0001和控制字符。\n");
        temp.Write("pages/06-longline.md", "# 一行\n\n" + string.Concat(Enumerable.Repeat("没有换行的很长一行，", 150_000)) + "\n");

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var report = temp.File("report.json");
        var code = CommandLine.Create().Parse(["build", temp.File("pages"), "--title", "恶意输入", "-o", temp.File("out"), "-f", "all",
                "--cache-dir", temp.File("cache"), "--report", report])
            .Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        Assert.True(code == 0, stderr.ToString());
        Assert.Contains("02-big.md: warning EB015", stderr.ToString());
        Assert.Contains("03-binary.md: warning EB016", stderr.ToString());

        var titles = JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("chapters")[0].GetProperty("titles")
            .EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal(["正常的文章", "实体炸弹", "空字符", "一行"], titles);
        var epub = new EpubContents(temp.File("out/恶意输入.epub"));
        var all = string.Concat(epub.Texts.Where(t => t.Key.EndsWith(".xhtml", StringComparison.Ordinal)).Select(t => t.Value));
        Assert.Contains("炸弹后面的正文。", all);
        Assert.DoesNotContain("lollol", all); // entities are not expanded
        Assert.Contains("正文里有空字符和控制字符。", all);
        Assert.True(File.Exists(temp.File("out/恶意输入.pdf")));
        EpubCheck.RequireAvailable();
        EpubCheck.AssertValid(temp.File("out/恶意输入.epub"));
    }

    [Fact]
    public void A_huge_Markdown_file_of_plain_text_named_on_the_command_line_is_left_out_and_the_rest_is_built()
    {
        // No markup in its first kilobytes, so it could be an index list; 17 MB, more than any file
        // is read whole. It was read whole to decide, and the build stopped with a wrong hint.
        using var temp = new TempFolder();
        temp.Write("pages/01-good.md", "# 正常的文章\n\n这是一篇正常的文章。\n");
        WriteRepeated(temp, "pages/02-huge.md", "# 巨大的纯文本\n\n", "没有标记的一段很长的正文。\n\n", 7_000_000);

        var (chapter, stderr) = BuildFirstChapter(temp, temp.File("pages/01-good.md"), temp.File("pages/02-huge.md"));
        Assert.Contains("02-huge.md: warning EB015", stderr);
        Assert.Equal(["正常的文章"], chapter.GetProperty("titles").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void A_names_file_too_large_to_read_leaves_the_folder_names_as_chapter_titles()
    {
        using var temp = new TempFolder();
        temp.Write("pages/n1/01.md", "# 正常的文章\n\n这是一篇正常的文章。\n");
        WriteRepeated(temp, "pages/bb.names.csv", "n1,第一章\n", "x0000000,一个不存在的分类\n", 17_000_000);

        var (chapter, _) = BuildFirstChapter(temp, temp.File("pages/n1"));
        Assert.Equal("n1", chapter.GetProperty("title").GetString());
    }

    /// <summary>A file of <paramref name="head"/> and then <paramref name="line"/> again and again, to at least <paramref name="characters"/> characters.</summary>
    private static void WriteRepeated(TempFolder temp, string path, string head, string line, int characters)
    {
        var text = new StringBuilder(head, characters + line.Length);
        while (text.Length < characters) text.Append(line);
        temp.Write(path, text.ToString());
    }

    /// <summary>Builds <paramref name="inputs"/> with the CLI, which must succeed; the report's first chapter and what was said on stderr.</summary>
    private static (JsonElement Chapter, string Stderr) BuildFirstChapter(TempFolder temp, params string[] inputs)
    {
        var stderr = new StringWriter();
        var report = temp.File("report.json");
        var code = CommandLine.Create().Parse(["build", .. inputs, "--title", "测试", "-o", temp.File("out"), "--cache-dir", temp.File("cache"), "--report", report])
            .Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = stderr });
        Assert.True(code == 0, stderr.ToString());
        return (JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("chapters")[0].Clone(), stderr.ToString());
    }

    [SkippableFact]
    public async Task Pipes_devices_and_links_to_them_are_left_out_without_blocking_the_build()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "makes a FIFO with mkfifo(1) and links to /dev/zero");
        using var temp = new TempFolder();
        temp.Write("pages/01-good.md", "# 正常的文章\n\n这是一篇正常的文章。\n");
        // Opening a FIFO waits for a writer that never comes; /dev/zero never ends.
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [temp.File("pages/02-pipe.md"), temp.File("pages/bb.names.csv")])!) mkfifo.WaitForExit();
        File.CreateSymbolicLink(temp.File("pages/03-zero.md"), "/dev/zero");
        File.CreateSymbolicLink(temp.File("pages/04-pipe-link.html"), temp.File("pages/02-pipe.md"));

        var build = Task.Run(() => CliRun.Invoke("build", temp.File("pages"), "--title", "管道", "-o", temp.File("out"), "-f", "epub", "--no-images",
            "--cache-dir", temp.File("cache")));
        var finished = await Task.WhenAny(build, Task.Delay(TimeSpan.FromSeconds(60))) == build;
        Assert.True(finished, "the build blocked on a pipe or a device");
        var (code, _, stderr) = await build;
        Assert.True(code == 0, stderr);
        // A pipe is not a regular file (EB003); /dev/zero is outside the book's folder besides (EB014).
        foreach (var (name, code_) in new[] { ("02-pipe.md", "EB003"), ("03-zero.md", "EB014"), ("04-pipe-link.html", "EB003") })
            Assert.Contains($"{name}: warning {code_}", stderr);
        var epub = new EpubContents(temp.File("out/管道.epub"));
        Assert.Contains(epub.Texts, t => t.Value.Contains("这是一篇正常的文章。", StringComparison.Ordinal));
    }
}
