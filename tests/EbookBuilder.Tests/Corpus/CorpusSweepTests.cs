using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using EbookBuilder.Tests.Support;
using Xunit.Abstractions;

namespace EbookBuilder.Tests.Corpus;

/// <summary>
/// The whole corpus as a user would build it: every category folder its own book, EPUB and PDF,
/// no images, in one run of the real program (`ebook build pages/* --split chapter`, in a process
/// of its own so that its peak memory is its own). The run exits 0, every book has every article
/// of its folder, no PDF font is Type 3, every EPUB passes epubcheck; each book's pages are printed
/// with the run's time and peak memory.
/// </summary>
public sealed class CorpusSweepTests(ITestOutputHelper output)
{
    private sealed record Book(string Category, int Sources, int Articles, long Pages, string Epub, string Pdf);

    [SkippableFact]
    public void Every_category_builds_as_its_own_book_in_both_formats_in_one_run()
    {
        Skip.If(TestPaths.Corpus is null, TestPaths.CorpusMissing);
        Poppler.Require();
        EpubCheck.RequireAvailable();
        using var temp = new TempFolder();
        var categories = Directory.GetDirectories(Path.Combine(TestPaths.Corpus!, "pages")).Order(StringComparer.Ordinal).ToList();
        var report = temp.File("report.json");
        var cli = Path.Combine(AppContext.BaseDirectory, "ebook.dll");
        var start = new ProcessStartInfo("dotnet", [cli, "build", .. categories, "--split", "chapter", "-o", temp.File("out"), "-f", "epub,pdf", "--no-images",
            "--cache-dir", temp.File("cache"), "--report", report, "--quiet"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        var clock = Stopwatch.StartNew();
        using (var process = Process.Start(start)!)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stderr}{stdout.Result}");
        }
        var wall = clock.Elapsed;
        var json = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        var chapters = json.GetProperty("chapters").EnumerateArray().ToList();
        var outputs = json.GetProperty("outputs").EnumerateArray().ToList();
        Assert.Equal(categories.Count, chapters.Count);
        Assert.Equal(2 * categories.Count, outputs.Count);
        // The books come in the chapters' order, EPUB then PDF.
        var books = categories.Select((folder, i) => new Book(Path.GetFileName(folder), Directory.GetFiles(folder, "*.md").Length, chapters[i].GetProperty("articles").GetInt32(),
            outputs[2 * i + 1].GetProperty("pages").GetInt64(), outputs[2 * i].GetProperty("path").GetString()!, outputs[2 * i + 1].GetProperty("path").GetString()!)).ToList();

        var failures = new ConcurrentBag<string>();
        // The checks, two books at a time (epubcheck takes seconds a book).
        Parallel.ForEach(books, new ParallelOptions { MaxDegreeOfParallelism = 2 }, book =>
        {
            foreach (var failure in Check(book)) failures.Add(failure);
        });

        output.WriteLine("| category | articles | PDF pages | EPUB |");
        output.WriteLine("|---|---|---|---|");
        foreach (var book in books)
            output.WriteLine($"| {book.Category} | {book.Articles} | {book.Pages} | {Path.GetFileName(book.Epub)} |");
        output.WriteLine($"{books.Count} books, {books.Sum(b => b.Articles)} articles, {books.Sum(b => b.Pages)} pages in one run of {wall.TotalSeconds:0} s; peak memory {json.GetProperty("timings").GetProperty("peakMemoryMB").GetInt64()} MB");

        Assert.True(failures.IsEmpty, string.Join('\n', failures.Order(StringComparer.Ordinal)));
    }

    private static IEnumerable<string> Check(Book book)
    {
        if (book.Articles != book.Sources) yield return $"{book.Category}: {book.Articles} of {book.Sources} articles in the book";
        if (book.Pages <= 0) yield return $"{book.Category}: no PDF pages";
        var type3 = Poppler.Run("pdffonts", book.Pdf).Split('\n').Where(l => l.Contains("Type 3", StringComparison.Ordinal)).ToList();
        if (type3.Count > 0) yield return $"{book.Category}: Type 3 fonts: {string.Join("; ", type3)}";
        var check = EpubCheck.Check(book.Epub);
        if (check.Fatals + check.Errors + check.Warnings > 0) yield return $"{book.Category}: epubcheck: {check}";
    }
}
