using EbookBuilder.Ingest;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Assembly;

/// <summary>
/// Turns the command line's inputs into chapters: a folder of articles is a chapter (a folder of
/// such folders, one chapter each); an index file is a chapter in link order; article files given
/// one after another from the same folder make one chapter.
/// </summary>
public static class InputResolver
{
    /// <summary>The chapters the inputs describe, in order. A missing input is an error.</summary>
    public static IReadOnlyList<ChapterSource> Resolve(IReadOnlyList<string> inputs, DiagnosticBag diagnostics)
    {
        var chapters = new List<ChapterSource>();
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            if (Directory.Exists(full))
            {
                chapters.AddRange(FromFolder(full));
            }
            else if (File.Exists(full))
            {
                FromFile(full, chapters, diagnostics);
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.InputMissing,
                    $"input '{input}' does not exist; give an article file, a folder of articles or an index file",
                    SourceSpan.InFile(input));
            }
        }
        return chapters;
    }

    private static IEnumerable<ChapterSource> FromFolder(string folder)
    {
        var articles = ArticleFilesIn(folder);
        if (articles.Count > 0)
        {
            yield return new ChapterSource(ChapterNames.ForFolder(folder), articles, SourceSpan.InFile(folder));
            yield break;
        }
        foreach (var sub in Directory.EnumerateDirectories(folder).Order(NaturalComparer.Instance))
        {
            var files = ArticleFilesIn(sub);
            if (files.Count > 0) yield return new ChapterSource(ChapterNames.ForFolder(sub), files, SourceSpan.InFile(sub));
        }
    }

    private static void FromFile(string file, List<ChapterSource> chapters, DiagnosticBag diagnostics)
    {
        if (!ArticleReader.ArticleExtensions.Contains(Path.GetExtension(file)))
        {
            diagnostics.Error(DiagnosticCodes.UnsupportedFile,
                $"'{file}' is not an article, folder or index (expected .md, .markdown, .txt, .html or .htm)", SourceSpan.InFile(file));
            return;
        }
        if (IsMarkdown(file))
        {
            var text = File.ReadAllText(file);
            if (IndexFile.LooksLikeIndex(text))
            {
                chapters.Add(new ChapterSource(ChapterNames.ForIndex(file), IndexFile.ArticleFiles(file, text, diagnostics), SourceSpan.InFile(file)));
                return;
            }
        }
        var folder = Path.GetDirectoryName(file)!;
        if (chapters.Count > 0 && chapters[^1].Origin.File == folder)
        {
            chapters[^1] = chapters[^1] with { Files = [.. chapters[^1].Files, file] };
            return;
        }
        chapters.Add(new ChapterSource(ChapterNames.ForFolder(folder), [file], SourceSpan.InFile(folder)));
    }

    private static bool IsMarkdown(string file) => Path.GetExtension(file).ToLowerInvariant() is ".md" or ".markdown";

    private static List<string> ArticleFilesIn(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => ArticleReader.ArticleExtensions.Contains(Path.GetExtension(f)))
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Where(f => !IsMarkdown(f) || !IndexFile.LooksLikeIndex(File.ReadAllText(f)))
            .Where(f => !string.Equals(Path.GetFileNameWithoutExtension(f), "README", StringComparison.OrdinalIgnoreCase))
            .Order(NaturalComparer.Instance)
            .ToList();
}
