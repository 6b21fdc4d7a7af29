namespace EbookBuilder.Pipeline;

/// <summary>Checks, before any work is done, that the books can be written where they are asked to go.</summary>
internal static class OutputFolder
{
    /// <exception cref="BuildInputException">The folder is a file, cannot be made, or cannot be written to.</exception>
    public static void Check(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(full))
            throw new BuildInputException($"the output folder {full} is a file; give a folder with -o (or [output] folder)");
        var probe = Path.Combine(full, $".ebook-write-test-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(full);
            using (File.Create(probe, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e.Message.Replace($" : '{probe}'", "", StringComparison.Ordinal).Replace(probe, full, StringComparison.Ordinal).TrimEnd('.');
            throw new BuildInputException($"cannot write to the output folder {full} ({reason}); give a writable folder with -o (or [output] folder)");
        }
    }
}
