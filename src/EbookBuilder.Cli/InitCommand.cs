using System.CommandLine;
using EbookBuilder.Assembly;
using EbookBuilder.Pipeline.Config;

namespace EbookBuilder.Cli;

/// <summary>
/// <c>ebook init [DIR]</c>: writes a commented book.toml that builds as it is. Folders of articles
/// already in DIR become its chapters; an empty DIR gets the bundled example articles.
/// </summary>
internal static class InitCommand
{
    private static readonly Argument<string> Folder = new("folder")
    {
        Description = "The book's folder (created if missing)",
        DefaultValueFactory = _ => ".",
    };

    public static Command Create()
    {
        var command = new Command("init", "Write a commented book.toml (with the example articles, in an empty folder)") { Folder };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var folder = Path.GetFullPath(parse.GetValue(Folder)!);
            var bookFile = Path.Combine(folder, BookFileReader.FileName);
            // Anything at that name, a dangling link too (writing through it would write its target).
            if (EbookBuilder.Model.Text.RealPath.KindOfEntry(bookFile) != EbookBuilder.Model.Text.FileKind.Missing)
            {
                stderr.WriteLine($"error: {bookFile} already exists; edit it, or remove it to start again");
                return ExitCodes.BadInput;
            }
            try
            {
                Directory.CreateDirectory(folder);
                var chapters = ChaptersIn(folder);
                if (chapters.Count == 0)
                {
                    var example = Path.Combine(AppContext.BaseDirectory, "example");
                    if (!Directory.Exists(example))
                    {
                        stderr.WriteLine($"error: no articles in {folder}, and the bundled example is missing from {example}");
                        return ExitCodes.InternalError;
                    }
                    CopyFolder(Path.Combine(example, "pages"), Path.Combine(folder, "pages"));
                    CopyFolder(Path.Combine(example, "indexes"), Path.Combine(folder, "indexes"));
                    stdout.WriteLine($"copied the example articles into {Path.Combine(folder, "pages")}");
                    chapters = ChaptersIn(folder);
                }
                var title = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar));
                var template = System.Text.Encoding.UTF8.GetBytes(BookFileTemplate.Write(string.IsNullOrEmpty(title) ? "新闻合集" : title, chapters));
                using (var stream = new FileStream(bookFile, FileMode.CreateNew, FileAccess.Write)) stream.Write(template); // never through a link made meanwhile
                stdout.WriteLine($"wrote {bookFile} with {chapters.Count} chapter(s); build it with: ebook build {parse.GetValue(Folder)}");
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"error: {e.Message}. Check that {folder} is writable.");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    /// <summary>A chapter per folder that holds articles (the folder itself, or its subfolders at any depth up to three).</summary>
    private static List<(string Title, string Source)> ChaptersIn(string folder)
    {
        var diagnostics = new EbookBuilder.Model.Diagnostics.DiagnosticBag();
        var folders = new[] { folder }.Concat(Directory.EnumerateDirectories(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3 }))
            .Where(f => !Path.GetFileName(f).StartsWith('.') && Path.GetFileName(f) != "dist")
            .Where(f => Directory.EnumerateFiles(f).Any(InputResolver.IsArticleName))
            .Order(NaturalComparer.Instance);
        var chapters = new List<(string, string)>();
        foreach (var f in folders)
        {
            foreach (var chapter in InputResolver.Resolve([f], diagnostics))
                chapters.Add((chapter.Title, Path.GetRelativePath(folder, f) is "." ? "." : Path.GetRelativePath(folder, f)));
        }
        return chapters;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: false);
        }
    }
}
