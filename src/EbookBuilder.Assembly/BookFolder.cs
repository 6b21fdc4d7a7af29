namespace EbookBuilder.Assembly;

/// <summary>
/// The folder a book may read from. Local references (index links, book file sources) that lead
/// outside it are refused, so a crafted index cannot put ~/.ssh or other private files into a
/// book. For command-line inputs it is the folder the inputs share, where an index file counts for
/// the folder above its own (the mirror layout: indexes/ beside pages/).
/// </summary>
public static class BookFolder
{
    /// <summary>The book folder of command-line inputs.</summary>
    public static string ForInputs(IEnumerable<string> inputs)
    {
        string? common = null;
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            var folder = Directory.Exists(full) ? full
                : IsIndex(full) ? ForIndex(full)
                : Path.GetDirectoryName(full)!;
            common = common is null ? folder : Common(common, folder);
        }
        return common ?? Directory.GetCurrentDirectory();
    }

    /// <summary>The folder an index file may link into: the one above its own.</summary>
    public static string ForIndex(string indexPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(indexPath))!;
        return Path.GetDirectoryName(folder) ?? folder;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or inside it.</summary>
    public static bool Contains(string root, string path)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(path));
        return relative == "." || (relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    private static bool IsIndex(string file) => File.Exists(file) && IndexFile.TryRead(file, out _);

    /// <summary>The deepest folder holding both <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static string Common(string a, string b)
    {
        var pa = a.Split(Path.DirectorySeparatorChar);
        var pb = b.Split(Path.DirectorySeparatorChar);
        var n = 0;
        while (n < pa.Length && n < pb.Length && pa[n] == pb[n]) n++;
        var joined = string.Join(Path.DirectorySeparatorChar, pa.Take(n));
        return joined.Length == 0 ? Path.DirectorySeparatorChar.ToString() : joined;
    }
}
