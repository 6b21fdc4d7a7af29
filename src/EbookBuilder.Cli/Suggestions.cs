namespace EbookBuilder.Cli;

/// <summary>The nearest of some names to a mistyped one (as git and cargo suggest: "did you mean").</summary>
internal static class Suggestions
{
    /// <summary>" (did you mean --format?)" for the candidate within a few edits of <paramref name="given"/>, else "".</summary>
    public static string DidYouMean(string given, IEnumerable<string> candidates)
    {
        var best = candidates.Select(c => (Name: c, Distance: Distance(given, c))).OrderBy(c => c.Distance).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, given.Length / 3) ? $" (did you mean {best.Name}?)" : "";
    }

    /// <summary>The Levenshtein distance: insertions, deletions and substitutions.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
