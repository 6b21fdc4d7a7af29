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
        var root = BookFolder.ForInputs(inputs);
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
                FromFile(full, chapters, diagnostics, root);
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

    /// <summary>
    /// The chapters a book file describes, one per spec, in order. A source that does not exist is
    /// an error at the spec's line; a glob that matches nothing is a warning.
    /// </summary>
    public static IReadOnlyList<ChapterSource> Resolve(IReadOnlyList<ChapterSpec> specs, string root, DiagnosticBag diagnostics)
    {
        var chapters = new List<ChapterSource>();
        foreach (var spec in specs)
        {
            var files = new List<string>();
            string? firstTitle = null;
            foreach (var source in spec.Sources)
            {
                if (!BookFolder.Contains(root, source))
                {
                    diagnostics.Warn(DiagnosticCodes.OutsideBook,
                        $"source '{source}' is outside the book's folder {root}; it is refused (set root in [book] to allow a wider folder)", spec.Origin);
                    continue;
                }
                if (source.IndexOfAny(GlobCharacters) >= 0)
                {
                    var matched = Glob(source).Where(f => BookFolder.Contains(root, f)).ToList();
                    if (matched.Count == 0)
                        diagnostics.Warn(DiagnosticCodes.InputMissing, $"'{source}' matches no article files", spec.Origin);
                    files.AddRange(matched);
                    firstTitle ??= matched.Count > 0 ? ChapterNames.ForFolder(Path.GetDirectoryName(matched[0])!) : null;
                    continue;
                }
                var found = new List<ChapterSource>();
                if (Directory.Exists(source)) found.AddRange(FromFolder(source));
                else if (File.Exists(source)) FromFile(source, found, diagnostics, root);
                else
                {
                    diagnostics.Error(DiagnosticCodes.InputMissing,
                        $"source '{source}' does not exist; give an article file, a folder of articles, an index file or a glob such as pages/*.md", spec.Origin);
                    continue;
                }
                firstTitle ??= found.Select(c => c.Title).FirstOrDefault();
                files.AddRange(found.SelectMany(c => c.Files));
            }
            var title = spec.Title ?? firstTitle ?? (spec.Sources.Count > 0 ? Path.GetFileNameWithoutExtension(spec.Sources[0]) : "");
            chapters.Add(new ChapterSource(title, files.Distinct(StringComparer.Ordinal).ToList(), spec.Origin)
            {
                Order = spec.Order,
                Limit = spec.Limit,
                Since = spec.Since,
                Until = spec.Until,
            });
        }
        return chapters;
    }

    /// <summary>Whether a file's name makes it an article: an article ending, and not hidden.</summary>
    public static bool IsArticleName(string path) =>
        ArticleReader.ArticleExtensions.Contains(Path.GetExtension(path)) && !Path.GetFileName(path).StartsWith('.');

    private static readonly char[] GlobCharacters = ['*', '?', '['];

    /// <summary>Article files matching a glob (<c>**</c> for any depth), in natural order.</summary>
    private static List<string> Glob(string pattern)
    {
        // The folder part before the first wildcard is where the search starts.
        var parts = pattern.Split(Path.DirectorySeparatorChar);
        var fixedParts = parts.TakeWhile(p => p.IndexOfAny(GlobCharacters) < 0).ToList();
        var root = string.Join(Path.DirectorySeparatorChar, fixedParts);
        if (root.Length == 0) root = Path.DirectorySeparatorChar.ToString();
        if (!Directory.Exists(root)) return [];
        var matcher = new Microsoft.Extensions.FileSystemGlobbing.Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', parts.Skip(fixedParts.Count)));
        return Microsoft.Extensions.FileSystemGlobbing.MatcherExtensions.GetResultsInFullPath(matcher, root)
            .Where(IsArticleName)
            .Order(NaturalComparer.Instance)
            .ToList();
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

    private static void FromFile(string file, List<ChapterSource> chapters, DiagnosticBag diagnostics, string root)
    {
        if (!ArticleReader.ArticleExtensions.Contains(Path.GetExtension(file)))
        {
            diagnostics.Error(DiagnosticCodes.UnsupportedFile,
                $"'{file}' is not an article, folder or index (expected .md, .markdown, .txt, .html or .htm)", SourceSpan.InFile(file));
            return;
        }
        if (IndexFile.TryRead(file, out var text))
        {
            chapters.Add(new ChapterSource(ChapterNames.ForIndex(file), IndexFile.ArticleFiles(file, text, diagnostics, root), SourceSpan.InFile(file)));
            return;
        }
        var folder = Path.GetDirectoryName(file)!;
        if (chapters.Count > 0 && chapters[^1].Origin.File == folder)
        {
            chapters[^1] = chapters[^1] with { Files = [.. chapters[^1].Files, file] };
            return;
        }
        chapters.Add(new ChapterSource(ChapterNames.ForFolder(folder), [file], SourceSpan.InFile(folder)));
    }

    private static List<string> ArticleFilesIn(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(IsArticleName)
            .Where(f => !IndexFile.TryRead(f, out _))
            .Where(f => !string.Equals(Path.GetFileNameWithoutExtension(f), "README", StringComparison.OrdinalIgnoreCase))
            .Order(NaturalComparer.Instance)
            .ToList();
}
