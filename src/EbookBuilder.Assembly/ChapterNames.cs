using System.Text.RegularExpressions;

namespace EbookBuilder.Assembly;

/// <summary>
/// Chapter titles: a folder id is looked up in a bb.names.csv ("id,name" lines) found in or near
/// the input tree; a single ASCII letter before a Chinese name ("E国际新闻") is a sort key, not title.
/// </summary>
public static partial class ChapterNames
{
    /// <summary>The file that maps folder ids to chapter names.</summary>
    public const string NamesFile = "bb.names.csv";

    [GeneratedRegex(@"^[A-Za-z](?=[\u3400-\u9FFF])")]
    private static partial Regex SortPrefix();

    /// <summary>Removes a one-letter sort prefix from a Chinese name.</summary>
    public static string StripSortPrefix(string name) => SortPrefix().Replace(name.Trim(), "");

    /// <summary>The title for a folder: its mapped name if a names file knows its id, else its own name.</summary>
    public static string ForFolder(string folder)
    {
        var id = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var names = FindNames(folder);
        return StripSortPrefix(names is not null && names.TryGetValue(id, out var name) ? name : id);
    }

    /// <summary>The title for an index file: its name without extension and sort prefix.</summary>
    public static string ForIndex(string indexFile) => StripSortPrefix(Path.GetFileNameWithoutExtension(indexFile));

    /// <summary>Looks for a names file in the folder, its ancestors (three levels), and their direct subfolders.</summary>
    internal static Dictionary<string, string>? FindNames(string folder)
    {
        var dir = new DirectoryInfo(Path.GetFullPath(folder));
        for (var level = 0; level < 4 && dir is not null; level++, dir = dir.Parent)
        {
            var here = Path.Combine(dir.FullName, NamesFile);
            if (File.Exists(here)) return TryLoad(here);
            if (level == 0) continue; // a chapter folder's own subfolders are not "near" it
            try
            {
                foreach (var sub in dir.EnumerateDirectories())
                {
                    var candidate = Path.Combine(sub.FullName, NamesFile);
                    if (File.Exists(candidate)) return TryLoad(candidate);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable neighbour is no reason to fail: the folder name serves as title.
            }
        }
        return null;
    }

    /// <summary>The names in <paramref name="path"/>; none when it cannot be read (or is too large to be a names list): the folder names serve as titles.</summary>
    private static Dictionary<string, string>? TryLoad(string path)
    {
        try
        {
            return Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> Load(string path)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in EbookBuilder.Model.Text.InputFile.ReadText(path).Split('\n'))
        {
            var comma = line.IndexOf(',');
            if (comma <= 0) continue;
            var id = line[..comma].Trim().Trim('"');
            var name = line[(comma + 1)..].Trim().Trim('"');
            if (id.Length > 0 && name.Length > 0) names.TryAdd(id, name);
        }
        return names;
    }
}
