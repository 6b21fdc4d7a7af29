using EbookBuilder.Ingest;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Model.Text;

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
            var kind = RealPath.KindOf(full);
            if (kind == FileKind.Directory)
            {
                chapters.AddRange(FromFolder(full, root, diagnostics));
            }
            else if (kind != FileKind.Missing)
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
                if (source.IndexOfAny(GlobCharacters) >= 0)
                {
                    var globRoot = GlobRoot(source);
                    if (!BookFolder.Contains(root, globRoot))
                    {
                        diagnostics.Warn(DiagnosticCodes.OutsideBook,
                            $"source '{source}' is outside the book's folder {root}; it is refused (set root in [book] to allow a wider folder)", spec.Origin);
                        continue;
                    }
                    var matched = Confined(Glob(source), root, diagnostics, spec.Origin);
                    if (matched.Count == 0)
                        diagnostics.Warn(DiagnosticCodes.InputMissing, $"'{source}' matches no article files", spec.Origin);
                    files.AddRange(matched.Select(m => m.Real));
                    firstTitle ??= matched.Count > 0 ? ChapterNames.ForFolder(Path.GetDirectoryName(matched[0].Path)!) : null;
                    continue;
                }
                var check = BookFolder.Check(root, source, folderAllowed: true);
                if (check.Outside)
                {
                    diagnostics.Warn(DiagnosticCodes.OutsideBook,
                        $"source '{source}' {check.Refusal} (set root in [book] to allow a wider folder)", spec.Origin);
                    continue;
                }
                var found = new List<ChapterSource>();
                if (check.Kind == FileKind.Directory) found.AddRange(FromFolder(source, root, diagnostics));
                else if (check.Kind != FileKind.Missing) FromFile(source, found, diagnostics, root);
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

    /// <summary>The folder part of a glob before its first wildcard: where the search starts.</summary>
    private static string GlobRoot(string pattern)
    {
        var fixedParts = pattern.Split(Path.DirectorySeparatorChar).TakeWhile(p => p.IndexOfAny(GlobCharacters) < 0);
        var root = string.Join(Path.DirectorySeparatorChar, fixedParts);
        return root.Length == 0 ? Path.DirectorySeparatorChar.ToString() : root;
    }

    /// <summary>Article files matching a glob (<c>**</c> for any depth), in natural order.</summary>
    private static List<string> Glob(string pattern)
    {
        var parts = pattern.Split(Path.DirectorySeparatorChar);
        var fixedParts = parts.TakeWhile(p => p.IndexOfAny(GlobCharacters) < 0).ToList();
        var root = GlobRoot(pattern);
        if (!Directory.Exists(root)) return [];
        var matcher = new Microsoft.Extensions.FileSystemGlobbing.Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', parts.Skip(fixedParts.Count)));
        return Microsoft.Extensions.FileSystemGlobbing.MatcherExtensions.GetResultsInFullPath(matcher, root)
            .Where(IsArticleName)
            .Order(NaturalComparer.Instance)
            .ToList();
    }

    private static IEnumerable<ChapterSource> FromFolder(string folder, string root, DiagnosticBag diagnostics)
    {
        var articles = ArticleFilesIn(folder, root, diagnostics);
        if (articles.Count > 0)
        {
            yield return new ChapterSource(ChapterNames.ForFolder(folder), articles, SourceSpan.InFile(folder));
            yield break;
        }
        foreach (var sub in Directory.EnumerateDirectories(folder).Order(NaturalComparer.Instance))
        {
            var check = BookFolder.Check(root, sub, folderAllowed: true);
            if (!check.Allowed)
            {
                diagnostics.Warn(check.Code, $"folder {check.Refusal}", SourceSpan.InFile(sub));
                continue;
            }
            var files = ArticleFilesIn(sub, root, diagnostics);
            if (files.Count > 0) yield return new ChapterSource(ChapterNames.ForFolder(sub), files, SourceSpan.InFile(sub));
        }
    }

    /// <summary>
    /// The files that may be read, by their real paths (the ones checked); each refused one is a
    /// warning at <paramref name="origin"/> (else at the file itself).
    /// </summary>
    private static List<(string Path, string Real)> Confined(IEnumerable<string> files, string root, DiagnosticBag diagnostics, SourceSpan? origin = null)
    {
        var allowed = new List<(string, string)>();
        foreach (var file in files)
        {
            var check = BookFolder.Check(root, file);
            if (check.Allowed) allowed.Add((file, check.Real));
            else diagnostics.Warn(check.Code, origin is null ? $"the file {check.Refusal}" : $"'{file}' {check.Refusal}", origin ?? SourceSpan.InFile(file));
        }
        return allowed;
    }

    private static void FromFile(string file, List<ChapterSource> chapters, DiagnosticBag diagnostics, string root)
    {
        if (!ArticleReader.ArticleExtensions.Contains(Path.GetExtension(file)))
        {
            diagnostics.Error(DiagnosticCodes.UnsupportedFile,
                $"'{file}' is not an article, folder or index (expected .md, .markdown, .txt, .html or .htm)", SourceSpan.InFile(file));
            return;
        }
        var check = BookFolder.Check(root, file);
        if (!check.Allowed)
        {
            diagnostics.Warn(check.Code, $"the file {check.Refusal}", SourceSpan.InFile(file));
            return;
        }
        var given = file;
        file = check.Real;
        if (IndexFile.TryRead(file, out var text))
        {
            chapters.Add(new ChapterSource(ChapterNames.ForIndex(given), IndexFile.ArticleFiles(file, text, diagnostics, root), SourceSpan.InFile(given)));
            return;
        }
        var folder = Path.GetDirectoryName(given)!;
        if (chapters.Count > 0 && chapters[^1].Origin.File == folder)
        {
            chapters[^1] = chapters[^1] with { Files = [.. chapters[^1].Files, file] };
            return;
        }
        chapters.Add(new ChapterSource(ChapterNames.ForFolder(folder), [file], SourceSpan.InFile(folder)));
    }

    private static List<string> ArticleFilesIn(string folder, string root, DiagnosticBag diagnostics) =>
        Confined(Directory.EnumerateFiles(folder)
                .Where(IsArticleName)
                .Where(f => !string.Equals(Path.GetFileNameWithoutExtension(f), "README", StringComparison.OrdinalIgnoreCase))
                .Order(NaturalComparer.Instance), root, diagnostics)
            .Select(f => f.Real)
            .Where(f => !IndexFile.TryRead(f, out _))
            .ToList();
}
