using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using EbookBuilder.Tests.Support;
using Xunit.Abstractions;

namespace EbookBuilder.Tests.Corpus;

/// <summary>
/// The whole corpus as a user would build it: every category folder its own book, EPUB and PDF,
/// no images, each by the real program in a process of its own (so that its peak memory is its
/// own), two at a time. Every build exits 0 with every article of its folder, no PDF font is
/// Type 3, every EPUB passes epubcheck; each book's pages, time and peak memory are printed.
/// </summary>
public sealed class CorpusSweepTests(ITestOutputHelper output)
{
    private sealed record Book(string Category, int Code, string Stderr, int Sources, int Articles, long Pages, long PeakMb, double Seconds, string Epub, string Pdf);

    [SkippableFact]
    public void Every_category_builds_as_its_own_book_in_both_formats()
    {
        Skip.If(TestPaths.Corpus is null, TestPaths.CorpusMissing);
        Poppler.Require();
        EpubCheck.RequireAvailable();
        using var temp = new TempFolder();
        var categories = Directory.GetDirectories(Path.Combine(TestPaths.Corpus!, "pages")).Order(StringComparer.Ordinal).ToList();
        var books = new ConcurrentBag<Book>();
        var failures = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(categories, new ParallelOptions { MaxDegreeOfParallelism = 2 }, folder => books.Add(Build(folder, temp)));
        var wall = clock.Elapsed;
        // The checks, two books at a time too (epubcheck takes seconds a book).
        Parallel.ForEach(books, new ParallelOptions { MaxDegreeOfParallelism = 2 }, book =>
        {
            foreach (var failure in Check(book)) failures.Add(failure);
        });

        output.WriteLine("| category | articles | PDF pages | s | peak MB |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var book in books.OrderBy(b => b.Category, StringComparer.Ordinal))
            output.WriteLine($"| {book.Category} | {book.Articles} | {book.Pages} | {book.Seconds:0.0} | {book.PeakMb} |");
        output.WriteLine($"{books.Count} books, {books.Sum(b => b.Articles)} articles, {books.Sum(b => b.Pages)} pages in {wall.TotalSeconds:0} s; peak memory at most {books.Max(b => b.PeakMb)} MB");

        Assert.True(failures.IsEmpty, string.Join('\n', failures.Order(StringComparer.Ordinal)));
    }

    private static IEnumerable<string> Check(Book book)
    {
        if (book.Code != 0)
        {
            yield return $"{book.Category}: exit {book.Code}: {book.Stderr}";
            yield break;
        }
        if (book.Articles != book.Sources) yield return $"{book.Category}: {book.Articles} of {book.Sources} articles in the book";
        var type3 = Poppler.Run("pdffonts", book.Pdf).Split('\n').Where(l => l.Contains("Type 3", StringComparison.Ordinal)).ToList();
        if (type3.Count > 0) yield return $"{book.Category}: Type 3 fonts: {string.Join("; ", type3)}";
        var check = EpubCheck.Check(book.Epub);
        if (check.Fatals + check.Errors + check.Warnings > 0) yield return $"{book.Category}: epubcheck: {check}";
    }

    private static Book Build(string folder, TempFolder temp)
    {
        var category = Path.GetFileName(folder);
        var report = temp.File($"{category}.json");
        var cli = Path.Combine(AppContext.BaseDirectory, "ebook.dll");
        var start = new ProcessStartInfo("dotnet", [cli, "build", folder, "--title", category, "-o", temp.File(category), "-f", "all", "--no-images",
            "--cache-dir", temp.File("cache-" + category), "--report", report, "--quiet"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        var sources = Directory.GetFiles(folder, "*.md").Length;
        if (process.ExitCode != 0 || !File.Exists(report))
            return new Book(category, process.ExitCode, stderr, sources, 0, 0, 0, clock.Elapsed.TotalSeconds, "", "");
        var json = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        var timings = json.GetProperty("timings");
        var paths = json.GetProperty("outputs").EnumerateArray().ToDictionary(o => o.GetProperty("format").GetString()!, o => o.GetProperty("path").GetString()!);
        return new Book(category, 0, stderr, sources, json.GetProperty("articles").GetInt32(), timings.GetProperty("pdfPages").GetInt64(),
            timings.GetProperty("peakMemoryMB").GetInt64(), clock.Elapsed.TotalSeconds, paths["epub"], paths["pdf"]);
    }
}
