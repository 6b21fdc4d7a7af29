namespace EbookBuilder.Model.Text;

/// <summary>How far one name is from another, for "did you mean" (a book.toml key, an option, a format).</summary>
public static class EditDistance
{
    /// <summary>The Levenshtein distance: insertions, deletions and substitutions.</summary>
    public static int Between(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }

    /// <summary>The candidate closest to <paramref name="given"/>, at most <paramref name="most"/> edits away; null when none is.</summary>
    public static string? Nearest(string given, IEnumerable<string> candidates, int most) =>
        candidates.Select(c => (Name: c, Distance: Between(given, c))).Where(c => c.Distance <= most).OrderBy(c => c.Distance).Select(c => c.Name).FirstOrDefault();

    /// <summary>" (did you mean NAME?)" for the candidate within a few edits of <paramref name="given"/> (as git and cargo suggest), else "".</summary>
    public static string DidYouMean(string given, IEnumerable<string> candidates) =>
        Nearest(given, candidates, Math.Max(2, given.Length / 3)) is { } nearest ? $" (did you mean {nearest}?)" : "";
}
