namespace EbookBuilder.Pipeline;

/// <summary>Output file names from book titles: Chinese kept, characters no file system accepts removed.</summary>
public static class FileNames
{
    private static readonly char[] Forbidden = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    /// <summary>A safe file name (without extension) for a book title.</summary>
    public static string ForBook(string title)
    {
        var chars = title.Select(c => char.IsControl(c) || Forbidden.Contains(c) ? ' ' : c).ToArray();
        var name = string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        if (name.Length > 120) name = name[..120];
        return name.Length == 0 ? "book" : name;
    }
}
