using System.Globalization;

namespace EbookBuilder.Assembly;

/// <summary>Orders file names the way people expect: "2.md" before "10.md".</summary>
public sealed class NaturalComparer : IComparer<string>
{
    public static readonly NaturalComparer Instance = new();

    public int Compare(string? x, string? y) =>
        string.Compare(x, y, CultureInfo.InvariantCulture, CompareOptions.NumericOrdering);
}
