namespace EbookBuilder.Pipeline.Config;

/// <summary>Whether an input names a book file: a .toml file, or a folder holding book.toml.</summary>
public static class BookFileLocator
{
    /// <summary>The book file's full path, or null when the input is articles.</summary>
    public static string? Find(string input)
    {
        var full = Path.GetFullPath(input);
        if (File.Exists(full) && string.Equals(Path.GetExtension(full), ".toml", StringComparison.OrdinalIgnoreCase)) return full;
        var inFolder = Path.Combine(full, BookFileReader.FileName);
        return Directory.Exists(full) && File.Exists(inFolder) ? inFolder : null;
    }
}
