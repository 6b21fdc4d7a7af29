using System.Text.Json;
using EbookBuilder.Model.Text;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Hardening;

/// <summary>
/// Nothing outside the book gets in, nothing outside the output gets touched: tried as an attacker
/// would, with a crafted book folder, book.toml and cache folder (issue 16).
/// </summary>
public sealed class SafetyTests
{
    private const string Secret = "这是不该出现在书里的私人笔记。";

    /// <summary>A book folder whose links lead out in every role a file plays, and one link that stays inside.</summary>
    private static string HostileBook(TempFolder temp)
    {
        temp.Write("private/notes.md", $"# 私人笔记\n\n<p>{Secret}</p>\n");
        File.Copy(TestPaths.Fixture("images", "logo.png"), temp.File("private/face.png"));
        temp.Write("book/pages/a/1.md", "# 第一篇\n\n<p>第一篇的正文。</p>\n");
        temp.Write("book/pages/a/3.md", "# 第三篇\n\n<p>第三篇的正文。</p>\n<p><img src=\"face.png\" alt=\"私照\"></p>\n");
        temp.Write("book/elsewhere/inside.md", "# 书内的链接\n\n<p>链接指向书里的文章，这可以。</p>\n");
        File.CreateSymbolicLink(temp.File("book/pages/a/2.md"), temp.File("private/notes.md"));                  // an article
        File.CreateSymbolicLink(temp.File("book/pages/a/4.md"), temp.File("book/elsewhere/inside.md"));          // stays inside
        File.CreateSymbolicLink(temp.File("book/pages/a/face.png"), temp.File("private/face.png"));              // an image
        File.CreateSymbolicLink(temp.File("book/pages/b"), temp.File("private"));                                // a folder
        Directory.CreateDirectory(temp.File("book/pages/g"));
        File.CreateSymbolicLink(temp.File("book/pages/g/x.md"), temp.File("private/notes.md"));                  // a glob match
        temp.Write("book/pages/g/y.md", "# 通配\n\n<p>通配符找到的文章。</p>\n");
        File.CreateSymbolicLink(temp.File("book/pages/c"), "/etc");                                              // a folder to /etc
        temp.Write("book/indexes/X目录.md",                                                                        // index link targets
            "#### [一](../pages/a/1.md)\n#### [笔记](../pages/a/2.md)\n#### [口令](../pages/c/passwd.md)\n#### [绕路](../pages/b/../../../private/notes.md)\n");
        return temp.Write("book/book.toml", """
            [book]
            title = "安全"

            [[chapter]]
            title = "文件夹"
            sources = ["pages/a"]

            [[chapter]]
            title = "子文件夹"
            sources = ["pages/b"]

            [[chapter]]
            title = "通配"
            sources = ["pages/g/*.md", "pages/c/*.md"]

            [[chapter]]
            sources = ["indexes/X目录.md"]

            [[chapter]]
            title = "文件夹的文件夹"
            sources = ["pages"]
            """);
    }

    [SkippableFact]
    public void Links_that_lead_out_of_the_book_folder_are_not_read_in_any_role()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "makes symbolic links");
        using var temp = new TempFolder();
        var toml = HostileBook(temp);
        var (code, _, stderr) = CliRun.Invoke("build", toml, "-o", temp.File("out"), "-f", "epub", "--cache-dir", temp.File("cache"), "--report", temp.File("out/report.json"));
        Assert.True(code == 0, stderr);
        var epub = new EpubContents(temp.File("out/安全.epub"));
        var text = string.Concat(epub.Texts.Select(t => t.Value));
        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain("root:", text);
        Assert.Contains("第一篇的正文。", text);
        Assert.Contains("链接指向书里的文章，这可以。", text);
        Assert.Contains("通配符找到的文章。", text);
        Assert.DoesNotContain(epub.Names, n => n.EndsWith(".png", StringComparison.Ordinal)); // the linked image is not in the book
        // Each refusal says what and where: the article, the folder, the glob match, the index lines, the image.
        Assert.True(stderr.Contains("2.md: warning EB014", StringComparison.Ordinal), stderr);
        Assert.True(stderr.Contains("book.toml:8: warning EB014: source", StringComparison.Ordinal), stderr);
        Assert.True(stderr.Contains("pages/b: warning EB014", StringComparison.Ordinal), stderr);  // in a folder of folders
        Assert.True(stderr.Contains("pages/c: warning EB014", StringComparison.Ordinal), stderr);
        Assert.True(stderr.Contains("book.toml:12: warning EB014: '", StringComparison.Ordinal), stderr);
        Assert.True(stderr.Contains("X目录.md:2: warning EB014", StringComparison.Ordinal), stderr);
        Assert.True(stderr.Contains("X目录.md:3: warning EB014", StringComparison.Ordinal), stderr);
        Assert.True(stderr.Contains("X目录.md:4: warning EB014", StringComparison.Ordinal), stderr);
        Assert.True(stderr.Contains("face.png left out: refused", StringComparison.Ordinal), stderr);
    }

    [SkippableFact]
    public void A_cover_or_font_outside_the_book_folder_is_an_error_at_its_line()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "makes symbolic links");
        using var temp = new TempFolder();
        File.Copy(TestPaths.Fixture("images", "logo.png"), temp.File("private.png"));
        temp.Write("book/pages/1.md", "# 一\n\n<p>正文。</p>\n");
        File.CreateSymbolicLink(temp.File("book/cover.png"), temp.File("private.png"));
        foreach (var (line, expected) in new[]
        {
            ("[book]\ncover = \"../private.png\"", "book.toml:2: EB014: the cover image '../private.png' leads outside"),
            ("[book]\ncover = \"cover.png\"", "book.toml:2: EB014: the cover image 'cover.png' leads outside the book's folder"),
            ("[book]\ncover = \"/dev/zero\"", "leads outside"),
            ("[fonts]\nfont = \"/etc/passwd.ttf\"", "book.toml:2: EB014: the font file '/etc/passwd.ttf' leads outside"),
        })
        {
            var toml = temp.Write("book/book.toml", line + "\n\n[[chapter]]\nsources = [\"pages\"]\n");
            var (code, _, stderr) = CliRun.Invoke("build", toml, "-o", temp.File("out"), "-f", "epub", "--cache-dir", temp.File("cache"));
            Assert.Equal(1, code);
            Assert.Contains(expected, stderr);
        }
        Assert.False(Directory.Exists(temp.File("out")) && Directory.EnumerateFiles(temp.File("out")).Any());
    }

    [Fact]
    public void A_book_file_writes_its_report_and_books_only_inside_its_folder()
    {
        using var temp = new TempFolder();
        temp.Write("book/pages/1.md", "# 一\n\n<p>正文。</p>\n");
        var victim = temp.Write("victim.json", "用户自己的文件");
        foreach (var (line, key) in new[] { ("report = \"../victim.json\"", "report"), ("folder = \"..\"", "folder"), ("report = \"/tmp/../" + victim.TrimStart('/') + "\"", "report") })
        {
            var toml = temp.Write("book/book.toml", "[book]\ntitle = \"书\"\n\n[output]\n" + line + "\n\n[[chapter]]\nsources = [\"pages\"]\n");
            var (code, _, stderr) = CliRun.Invoke("build", toml, "-f", "epub", "--cache-dir", temp.File("cache"));
            Assert.Equal(1, code);
            Assert.True(stderr.Contains($"book.toml:5: EB014: {key} '", StringComparison.Ordinal), stderr);
        }
        Assert.Equal("用户自己的文件", File.ReadAllText(victim));
        Assert.False(File.Exists(temp.File("书.epub")));

        // Inside the folder it works, and the command line may name any path.
        var inside = temp.Write("book/book.toml", "[book]\ntitle = \"书\"\n\n[output]\nreport = \"out/report.json\"\nfolder = \"out\"\n\n[[chapter]]\nsources = [\"pages\"]\n");
        var (ok, _, err) = CliRun.Invoke("build", inside, "-f", "epub", "--cache-dir", temp.File("cache"));
        Assert.True(ok == 0, err);
        Assert.True(File.Exists(temp.File("book/out/report.json")) && File.Exists(temp.File("book/out/书.epub")));
        (ok, _, err) = CliRun.Invoke("build", inside, "-f", "epub", "--cache-dir", temp.File("cache"), "--report", temp.File("elsewhere.json"));
        Assert.True(ok == 0 && File.Exists(temp.File("elsewhere.json")), err);
    }

    [SkippableFact]
    public void Nothing_but_a_regular_file_is_written_over()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "makes FIFOs, links and device nodes");
        using var temp = new TempFolder();
        temp.Write("pages/1.md", "# 一\n\n<p>正文。</p>\n");
        Directory.CreateDirectory(temp.File("out"));
        Run("mkfifo", temp.File("pipe.json"), temp.File("out/书.epub"));
        File.CreateSymbolicLink(temp.File("link.json"), temp.File("target.json"));
        Directory.CreateDirectory(temp.File("folder.json"));
        var targets = new List<string> { temp.File("pipe.json"), temp.File("link.json"), temp.File("folder.json") };
        var root = Environment.UserName == "root";
        if (root)
        {
            Run("mknod", temp.File("full"), "c", "1", "7"); // what /dev/full is
            targets.Add(temp.File("full"));
        }
        foreach (var target in targets)
        {
            var (code, _, stderr) = CliRun.Invoke("build", temp.File("pages"), "--title", "报告", "-o", temp.File("report-out"), "-f", "epub", "--no-images", "--report", target);
            Assert.Equal(1, code);
            Assert.True(stderr.Contains($"{target} is ", StringComparison.Ordinal) && stderr.Contains("it is never written over", StringComparison.Ordinal), stderr);
            Assert.False(File.Exists(temp.File("report-out/报告.epub")), "the check comes before any work");
        }
        var (epubCode, _, epubErr) = CliRun.Invoke("build", temp.File("pages"), "--title", "书", "-o", temp.File("out"), "-f", "epub", "--no-images");
        Assert.Equal(1, epubCode);
        Assert.True(epubErr.Contains("书.epub is a device, a pipe or a socket", StringComparison.Ordinal), epubErr);
        Assert.Equal(FileKind.Special, RealPath.KindOfEntry(temp.File("out/书.epub")));
        Assert.Equal(FileKind.Special, RealPath.KindOfEntry(temp.File("link.json")));
        Assert.False(File.Exists(temp.File("target.json")));
        if (root) Assert.Equal(FileKind.Special, RealPath.KindOfEntry(temp.File("full")));
        else Console.WriteLine("not root: the device-node case (mknod) is not tried; the FIFO, link and folder cases are");
        Assert.Empty(Directory.EnumerateFiles(temp.File("out"), "*.tmp", SearchOption.AllDirectories));
    }

    private static void Run(string program, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(program, args)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static (int Code, string Out, string Err) Cache(string root, params string[] args) => CliRun.Invoke(["cache", .. args, "--cache-dir", root]);

    [SkippableFact]
    public void Prune_and_clear_remove_only_what_the_cache_made_and_never_follow_a_link()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "makes symbolic links");
        using var temp = new TempFolder();
        var root = temp.File("cache");
        var cache = new EbookBuilder.Images.Caching.ImageCache(root);
        cache.PutSource("https://example.org/a.jpg", [1, 2, 3]);
        // The user's own files in and beside the cache's folders, and a link out to a folder of theirs.
        var decoys = new[] { "covers/mybook.jpg", "urls/bookmarks.txt", "notes.txt", "blobs/ab/draft.tmp", "prepared/readme.json" }
            .Select(n => temp.Write("cache/" + n, "用户的文件")).ToList();
        var outside = temp.Write("mine/" + new string('a', 64) + "." + Guid.NewGuid().ToString("N") + ".tmp", "用户的文件");
        var outsideEntry = temp.Write("mine/" + new string('a', 64), "用户的文件");
        File.CreateSymbolicLink(Path.Combine(root, "prepared", "aa"), temp.File("mine"));
        File.CreateSymbolicLink(Path.Combine(root, "covers", "aa"), temp.File("mine"));
        foreach (var file in decoys.Append(outside).Append(outsideEntry)) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-400));

        var (code, stdout, stderr) = Cache(root, "prune", "--unused-days", "0");
        Assert.True(code == 0, stderr);
        (code, stdout, stderr) = Cache(root, "clear");
        Assert.True(code == 0, stderr);
        Assert.Contains("0.0 MB left", stdout);
        Assert.All(decoys.Append(outside).Append(outsideEntry), f => Assert.True(File.Exists(f), f + " was deleted"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(root, "blobs"), new string('?', 64), SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(root, "CACHEDIR.TAG")));
    }

    [Fact]
    public void A_folder_without_the_cache_s_marker_is_neither_pruned_nor_cleared_nor_written_by_a_build()
    {
        using var temp = new TempFolder();
        var home = temp.File("home");
        var files = new[] { "covers/mybook.jpg", "urls/bookmarks.txt", "blobs/ab/" + new string('b', 64), "Documents/letter.md" }
            .Select(n => temp.Write("home/" + n, "用户的文件")).ToList();
        foreach (var file in files) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-400));
        foreach (var command in new[] { "prune", "clear" })
        {
            var (code, _, stderr) = Cache(home, command);
            Assert.Equal(1, code);
            Assert.True(stderr.Contains($"{home} is not an EbookBuilder image cache (it has no CACHEDIR.TAG), so nothing in it was removed", StringComparison.Ordinal), stderr);
        }
        Assert.All(files, f => Assert.True(File.Exists(f), f + " was deleted"));

        // A build given that folder as its cache leaves it alone, and says so.
        temp.Write("pages/1.md", "# 一\n\n<p>正文。</p>\n");
        var (built, _, err) = CliRun.Invoke("build", temp.File("pages"), "--title", "书", "-o", temp.File("out"), "-f", "epub", "--cache-dir", home);
        Assert.True(built == 0, err);
        Assert.True(err.Contains("warning IMG003", StringComparison.Ordinal) && err.Contains("is not an image cache", StringComparison.Ordinal), err);
        Assert.Equal(files.Count, Directory.EnumerateFiles(home, "*", SearchOption.AllDirectories).Count());

        // A cache an older EbookBuilder made (its folders only, no marker) is marked by the next build, then pruned.
        var old = temp.File("old-cache");
        Directory.CreateDirectory(Path.Combine(old, "urls"));
        (built, _, err) = CliRun.Invoke("build", temp.File("pages"), "--title", "书", "-o", temp.File("out"), "-f", "epub", "--cache-dir", old);
        Assert.True(built == 0 && !err.Contains("IMG003", StringComparison.Ordinal), err);
        Assert.True(File.Exists(Path.Combine(old, "CACHEDIR.TAG")));
        Assert.Equal(0, Cache(old, "prune").Code);
    }

    [SkippableFact]
    public void A_cache_entry_replaced_by_a_link_to_a_device_or_an_oversized_file_is_a_miss()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "links to /dev/zero");
        using var temp = new TempFolder();
        var root = temp.File("cache");
        var logo = File.ReadAllBytes(TestPaths.Fixture("images", "logo.png"));
        using var server = new ImageServer().Map("/logo.png", async (context, _) =>
        {
            context.Response.ContentType = "image/png";
            await context.Response.OutputStream.WriteAsync(logo);
            context.Response.Close();
        });
        temp.Write("pages/1.md", $"# 一\n\n<p>正文。</p>\n<p><img src=\"http://127.0.0.1:{server.Port}/logo.png\"></p>\n");
        (int, string, string) Build() => CliRun.Invoke("build", temp.File("pages"), "--title", "书", "-o", temp.File("out"), "-f", "epub", "--cache-dir", root, "--no-cover");
        var (code, _, stderr) = Build();
        Assert.True(code == 0, stderr);
        Assert.Equal(1, server.Requests);
        // Every stored file (the download, the pointer to it, the conversion and its description) becomes a link to /dev/zero.
        var entries = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("CACHEDIR.TAG", StringComparison.Ordinal)).ToList();
        Assert.True(entries.Count >= 3, string.Join('\n', entries));
        foreach (var entry in entries)
        {
            File.Delete(entry);
            File.CreateSymbolicLink(entry, "/dev/zero");
        }
        var before = GC.GetTotalAllocatedBytes();
        (code, _, stderr) = Build();
        Assert.True(code == 0, stderr);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 1L << 30, "the build read /dev/zero");
        Assert.Equal(2, server.Requests); // fetched again
        Assert.Contains(new EpubContents(temp.File("out/书.epub")).Names, n => n.EndsWith(".png", StringComparison.Ordinal) || n.EndsWith(".jpg", StringComparison.Ordinal));

        // A stored download larger than what a download may be is not read either.
        var blob = Directory.EnumerateFiles(Path.Combine(root, "blobs"), "*", SearchOption.AllDirectories).Single(f => RealPath.KindOfEntry(f) == FileKind.Regular);
        using (var stream = File.OpenWrite(blob)) stream.SetLength(30L * 1024 * 1024);
        Assert.Null(new EbookBuilder.Images.Caching.ImageCache(root, 20L * 1024 * 1024).TryGetSource($"http://127.0.0.1:{server.Port}/logo.png"));
    }

    /// <summary>SVGs that try to run, fetch or link something, each beside a shape that must survive.</summary>
    private static readonly string[] HostileSvgs =
    [
        """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><a id="l"><rect width="5" height="5" fill="red"/></a><animate href="#l" attributeName="href" to="javascript:alert(1)"/><set xlink:href="#l" attributeName="xlink:href" to="javascript:alert(2)"/></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>@import url(http://tracker.example.org/a.css); rect { fill: blue }</style><rect width="5" height="5" style="fill: url(http://tracker.example.org/p.png)"/></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>rect { background: u\72l(http://tracker.example.org/e.png) }</style><rect width="5" height="5" fill="url(http://tracker.example.org/f.svg#g)" filter="url(#ok)"/></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><a xlink:href="javascript:alert(3)"><rect width="5" height="5"/></a><image xlink:href="http://tracker.example.org/i.png" width="1" height="1"/><use href="http://tracker.example.org/u.svg#x"/><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject><script>alert(4)</script><rect width="1" height="1" onload="alert(5)"/></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg" xmlns:ev="http://www.w3.org/2001/xml-events" viewBox="0 0 10 10"><rect width="5" height="5" ev:event="click" mask="url('http://tracker.example.org/m')"/><animateTransform attributeName="transform" type="rotate" from="0" to="360" dur="1s"/><handler xmlns="http://www.w3.org/2000/svg">alert(6)</handler><image href="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDcpPC9zY3JpcHQ+PC9zdmc+" width="1" height="1"/></svg>""",
    ];

    [SkippableFact]
    public void Hostile_svgs_keep_their_drawing_and_nothing_that_runs_or_fetches_and_pass_epubcheck()
    {
        using var temp = new TempFolder();
        var body = new System.Text.StringBuilder("# 矢量图\n\n<p>正文。</p>\n");
        for (var i = 0; i < HostileSvgs.Length; i++)
        {
            temp.Write($"pages/{i}.svg", HostileSvgs[i]);
            body.Append($"<figure><img src=\"{i}.svg\"><figcaption>图{i}</figcaption></figure>\n");
        }
        temp.Write("pages/1.md", body.ToString());
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("pages"), "--title", "矢量", "-o", temp.File("out"), "-f", "epub", "--cache-dir", temp.File("cache"));
        Assert.True(code == 0, stderr);
        var epub = temp.File("out/矢量.epub");
        using (var zip = System.IO.Compression.ZipFile.OpenRead(epub))
        {
            var svgs = zip.Entries.Where(e => e.FullName.EndsWith(".svg", StringComparison.Ordinal))
                .Select(e => new StreamReader(e.Open()).ReadToEnd()).ToList();
            Assert.Equal(HostileSvgs.Length, svgs.Count);
            foreach (var svg in svgs)
            {
                Assert.Contains("<rect", svg);
                foreach (var banned in new[] { "javascript", "tracker.example.org", "animate", "<set", "script", "foreignObject", "onload", "@import", "handler", "ev:event", "data:image/svg", "<a " })
                    Assert.False(svg.Contains(banned, StringComparison.OrdinalIgnoreCase), $"{banned} kept in {svg}");
            }
            Assert.Contains(svgs, s => s.Contains("url(#ok)", StringComparison.Ordinal)); // a reference inside the file stays
        }
        EpubCheck.AssertValid(epub);
    }

    [Theory]
    [InlineData("--language", "zh_CN", "language: 'zh_CN' is not a BCP 47 language tag; write one such as zh-CN, zh-Hant-TW, zh-HK or en (with hyphens, not underscores)")]
    [InlineData("--language", "中文", "language: '中文' is not a BCP 47 language tag")]
    [InlineData("--language", "en--US", "is not a BCP 47 language tag")]
    [InlineData("--author", "", "author: an author is empty")]
    [InlineData("--author", "  ", "author: an author is empty")]
    [InlineData("--title", " ", "title: the title is empty")]
    [InlineData("--title", "第一行\n第二行", "holds control characters")]
    [InlineData("--encoding", "klingon", "encoding: 'klingon' is not an encoding this program reads")]
    public void Malformed_metadata_stops_the_build_before_any_work(string option, string value, string expected)
    {
        using var temp = new TempFolder();
        temp.Write("pages/1.md", "# 一\n\n<p>正文。</p>\n");
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("pages"), option, value, "-o", temp.File("out"), "-f", "epub", "--no-images");
        Assert.Equal(1, code);
        Assert.True(stderr.Contains(expected, StringComparison.Ordinal), stderr);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("zh-Hant-TW")]
    [InlineData("zh-cmn-Hans-CN")]
    [InlineData("yue-HK")]
    [InlineData("sr-Latn-RS")]
    [InlineData("de-CH-1996")]
    [InlineData("en-US-x-twain")]
    [InlineData("x-private")]
    public void Well_formed_language_tags_are_accepted(string tag) => Assert.Null(EbookBuilder.Pipeline.MetadataRules.Language(tag));

    [Fact]
    public void A_book_file_s_malformed_metadata_and_theme_values_are_errors_at_their_lines()
    {
        using var temp = new TempFolder();
        temp.Write("book/pages/1.md", "# 一\n\n<p>正文。</p>\n");
        var toml = temp.Write("book/book.toml", "[book]\ntitle = \"书\"\nlanguage = \"zh_TW\"\nauthors = [\"张三\", \"\"]\n\n[pdf]\nbody-size = nan\nmargin-top-mm = inf\nline-height = -inf\n\n[[chapter]]\nsources = [\"pages\"]\n");
        var (code, _, stderr) = CliRun.Invoke("build", toml, "-f", "pdf");
        Assert.Equal(1, code);
        foreach (var expected in new[] { "book.toml:3: 'zh_TW' is not a BCP 47", "book.toml:4: an author is empty", "book.toml:7: body-size must be a number more than 0", "book.toml:8: margin-top-mm must be", "book.toml:9: line-height must be" })
            Assert.True(stderr.Contains(expected, StringComparison.Ordinal), stderr);
        Assert.DoesNotContain("internal error", stderr);
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("0")]
    [InlineData("65")]
    public void An_image_concurrency_out_of_range_is_a_clear_error(string value)
    {
        using var temp = new TempFolder();
        temp.Write("pages/1.md", "# 一\n\n<p>正文。</p>\n");
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("pages"), "--image-concurrency", value, "-o", temp.File("out"), "-f", "epub");
        Assert.Equal(1, code);
        Assert.True(stderr.Contains($"--image-concurrency {value}: give a number of downloads at a time from 1 to 64", StringComparison.Ordinal), stderr);
    }

    [Fact]
    public void A_long_chinese_title_gives_a_file_name_shortened_by_bytes_to_whole_characters()
    {
        using var temp = new TempFolder();
        temp.Write("pages/1.md", "# 一\n\n<p>正文。</p>\n");
        var title = string.Concat(Enumerable.Repeat("中国新闻周刊特别报道👨‍👩‍👧", 12)); // 120 CJK characters and 12 family emoji (ZWJ sequences)
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("pages"), "--title", title, "-o", temp.File("out"), "-f", "all", "--no-images");
        Assert.True(code == 0, stderr);
        var names = Directory.GetFiles(temp.File("out")).Select(Path.GetFileName).ToList();
        Assert.Equal(2, names.Count);
        foreach (var name in names)
        {
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(name!) <= 255 - 38, name);
            var stem = Path.GetFileNameWithoutExtension(name!);
            Assert.StartsWith(stem, title, StringComparison.Ordinal); // a prefix of whole characters
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(stem) > EbookBuilder.Pipeline.FileNames.MaxBytes - 30, stem);
            Assert.False(stem.EndsWith('\u200D'), "a family emoji was cut inside");
        }
        Assert.Contains(title, new EpubContents(temp.File("out/" + names.Single(n => n!.EndsWith(".epub", StringComparison.Ordinal)))).Texts["OEBPS/content.opf"]);
    }

    [Fact]
    public void A_slow_drop_lines_pattern_is_reported_and_keeps_the_paragraph()
    {
        using var temp = new TempFolder();
        temp.Write("book/pages/1.md", "# 一\n\n<p>" + new string('a', 40) + "!</p>\n<p>正文。</p>\n");
        var toml = temp.Write("book/book.toml", "[book]\ntitle = \"书\"\n\n[clean]\ndrop-lines = [\"(a+)+$\"]\n\n[[chapter]]\nsources = [\"pages\"]\n");
        var (code, _, stderr) = CliRun.Invoke("build", toml, "-f", "epub", "--no-images");
        Assert.True(code == 0, stderr);
        Assert.True(stderr.Contains("1.md: warning EB013: the [clean] drop-lines pattern '(a+)+$' took more than 200 ms on a paragraph, which is kept", StringComparison.Ordinal), stderr);
        Assert.Contains(new string('a', 40) + "!", new EpubContents(temp.File("book/dist/书.epub")).Article(0, 0));
    }

    [SkippableFact]
    public void An_ipv6_image_url_escaped_by_markdown_is_a_url_and_an_idn_link_is_punycode_in_the_pdf()
    {
        using var temp = new TempFolder();
        temp.Write("pages/1.md", "# 一\n\n<p>正文，<a href=\"http://例子.测试/路径\">链接</a>。</p>\n\n![图](http://[::1]:9/b.png)\n");
        var (code, _, stderr) = CliRun.Invoke("build", temp.File("pages"), "--title", "书", "-o", temp.File("out"), "-f", "all", "--offline", "--cache-dir", temp.File("cache"));
        Assert.True(code == 0, stderr);
        Assert.True(stderr.Contains("image http://[::1]:9/b.png left out: offline", StringComparison.Ordinal), stderr);
        Assert.DoesNotContain("cannot read the file", stderr);
        Poppler.Require();
        var pdf = Poppler.Run("qpdf", "--qdf", "--object-streams=disable", temp.File("out/书.pdf"), "-");
        Assert.Contains("/URI (http://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84)", pdf);
        Assert.Contains("href=\"http://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84\"", new EpubContents(temp.File("out/书.epub")).Article(0, 0));
    }

    [Fact]
    public async Task A_cancel_after_one_format_is_written_keeps_it_and_says_so()
    {
        // The EPUB starts once the PDF's pages are laid out; either may finish first. The build is
        // cancelled as soon as one is written: that one is kept and named, the other leaves nothing.
        using var temp = new TempFolder();
        var paragraph = string.Concat(Enumerable.Repeat("这是一段用来让排版花一些时间的正文，句子很长，标点也很多。", 20));
        for (var i = 0; i < 80; i++) temp.Write($"pages/{i}.md", $"# 第{i}篇\n\n" + string.Concat(Enumerable.Repeat($"<p>{paragraph}</p>\n", 6)));
        using var cancel = new CancellationTokenSource();
        string? first = null;
        var progress = new EbookBuilder.Pipeline.SynchronousProgress<EbookBuilder.Pipeline.BuildProgress>(p =>
        {
            if (p.Stage is "pdf" or "epub" && p.Done == 1 && Interlocked.CompareExchange(ref first, p.Stage, null) is null) cancel.Cancel();
        });
        var build = BuildCancellable(temp, EbookBuilder.Pipeline.OutputFormats.All, progress, cancel.Token);
        var cancelled = await Assert.ThrowsAsync<EbookBuilder.Pipeline.BuildCancelledException>(() => build);
        Assert.NotNull(first);
        Assert.Contains(cancelled.Written, w => w.Format == first);
        Assert.All(cancelled.Written, w => Assert.True(File.Exists(w.Path), w.Path));
        Assert.Equal(cancelled.Written.Select(w => Path.GetFileName(w.Path)).Order(), Directory.GetFiles(temp.File("out")).Select(Path.GetFileName).Order());
        Assert.Empty(Directory.GetFiles(temp.File("out"), "*.tmp"));
    }

    [Fact]
    public async Task A_cancel_as_the_last_format_is_written_is_still_a_cancel_and_keeps_it()
    {
        using var temp = new TempFolder();
        temp.Write("pages/a.md", "# 一篇\n\n正文。\n");
        using var cancel = new CancellationTokenSource();
        var progress = new EbookBuilder.Pipeline.SynchronousProgress<EbookBuilder.Pipeline.BuildProgress>(p =>
        {
            if (p.Stage == "epub" && p.Done == 1) cancel.Cancel();
        });
        var build = BuildCancellable(temp, EbookBuilder.Pipeline.OutputFormats.Epub, progress, cancel.Token);
        var cancelled = await Assert.ThrowsAsync<EbookBuilder.Pipeline.BuildCancelledException>(() => build);
        var epub = Assert.Single(cancelled.Written);
        Assert.Equal(temp.File("out/书.epub"), epub.Path);
        Assert.True(File.Exists(epub.Path));
    }

    /// <summary>The articles of <c>pages/</c> in <paramref name="temp"/> built into <c>out/书.*</c>, with fonts and without images.</summary>
    private static Task<EbookBuilder.Pipeline.BuildResult> BuildCancellable(TempFolder temp, EbookBuilder.Pipeline.OutputFormats formats,
        IProgress<EbookBuilder.Pipeline.BuildProgress> progress, CancellationToken cancellationToken) =>
        EbookBuilder.Pipeline.BookCompiler.BuildAsync(new EbookBuilder.Pipeline.BuildOptions
        {
            Inputs = [temp.File("pages")],
            OutputDirectory = temp.File("out"),
            Title = "书",
            StylesDirectory = TestPaths.Styles,
            FetchImages = false,
            Fonts = TestBuild.BundledFonts,
            Formats = formats,
            GenerateCover = false,
        }, progress, cancellationToken);
}
