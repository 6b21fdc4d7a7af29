namespace EbookBuilder.Tests.Support;

/// <summary>Where the repository, its fixtures and the shared corpus are.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Fixtures { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static string Styles { get; } = Path.Combine(RepoRoot, "styles");

    /// <summary>../shared/corpus beside the repository, or null when this checkout has none.</summary>
    public static string? Corpus { get; } = FindCorpus();

    public const string CorpusMissing = "../shared/corpus is not present beside the repository: corpus tests are skipped";

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EbookBuilder.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("EbookBuilder.sln not found above the test folder");
    }

    private static string? FindCorpus()
    {
        var fromEnv = Environment.GetEnvironmentVariable("EBOOK_CORPUS");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv)) return fromEnv;
        var dir = new DirectoryInfo(RepoRoot);
        for (var i = 0; i < 3 && dir is not null; i++, dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(Path.Combine(candidate, "pages"))) return candidate;
        }
        return null;
    }
}
