using System.CommandLine;
using EbookBuilder.Images;
using EbookBuilder.Images.Caching;

namespace EbookBuilder.Cli;

/// <summary>
/// <c>ebook cache</c>: what the image cache holds; <c>prune</c> removes what no build has used for
/// a while (30 days unless told), <c>clear</c> everything. Builds mark what they use, so a weekly
/// digest keeps its images and the cache does not grow without end.
/// </summary>
internal static class CacheCommand
{
    private static readonly Option<string?> CacheDir = new("--cache-dir")
    {
        Description = "Image cache folder (default $XDG_CACHE_HOME/ebookbuilder)",
        Recursive = true,
    };

    private static readonly Option<int> UnusedDays = new("--unused-days")
    {
        Description = "Remove what no build has used for this many days",
        DefaultValueFactory = _ => 30,
    };

    public static Command Create()
    {
        var prune = new Command("prune", "Remove the cached downloads, conversions and covers no build has used for a while") { UnusedDays };
        prune.SetAction(parse =>
        {
            var days = parse.GetValue(UnusedDays);
            if (days < 0)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: --unused-days {days}: give a number of days, 0 or more");
                return ExitCodes.BadInput;
            }
            return Remove(parse, TimeSpan.FromDays(days));
        });
        var clear = new Command("clear", "Remove everything in the image cache");
        clear.SetAction(parse => Remove(parse, TimeSpan.Zero));

        var command = new Command("cache", "Show what the image cache holds; prune or clear it") { CacheDir, prune, clear };
        command.SetAction(parse => Run(parse, root =>
        {
            var summary = CacheFolder.Summarize(root);
            parse.InvocationConfiguration.Output.WriteLine(
                $"{root}: {summary.Downloads} downloads, {summary.Conversions} conversions, {summary.Covers} covers, {Megabytes(summary.Bytes)}");
        }));
        return command;
    }

    private static int Remove(ParseResult parse, TimeSpan unused) => Run(parse, root =>
    {
        var removed = CacheFolder.Prune(root, unused);
        var left = CacheFolder.Summarize(root);
        parse.InvocationConfiguration.Output.WriteLine(
            $"removed {removed.Entries} entries ({removed.Files} files, {Megabytes(removed.Bytes)}); {Megabytes(left.Bytes)} left in {root}");
    });

    private static int Run(ParseResult parse, Action<string> action)
    {
        var root = parse.GetValue(CacheDir) is { } given ? Path.GetFullPath(given) : ImageOptions.DefaultCacheDirectory();
        try
        {
            action(root);
            return ExitCodes.Success;
        }
        catch (NotACacheException e)
        {
            parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}.");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message.TrimEnd('.')}. Check the permissions of {root}.");
            return ExitCodes.BadInput;
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / 1048576.0:0.0} MB";
}
