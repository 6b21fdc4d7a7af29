using EbookBuilder.Model.Text;

namespace EbookBuilder.Cli;

/// <summary>The nearest of some names to a mistyped one (as git and cargo suggest: "did you mean").</summary>
internal static class Suggestions
{
    /// <summary>" (did you mean --format?)" for the candidate within a few edits of <paramref name="given"/>, else "".</summary>
    public static string DidYouMean(string given, IEnumerable<string> candidates) => EditDistance.DidYouMean(given, candidates);
}
