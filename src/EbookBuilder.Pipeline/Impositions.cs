using EbookBuilder.Pdf.Imposition;

namespace EbookBuilder.Pipeline;

/// <summary>The names of the impositions, as <c>--imposition</c> and book.toml's <c>[pdf] imposition</c> give them.</summary>
public static class Impositions
{
    /// <summary>Every name.</summary>
    public static IReadOnlyList<string> Names { get; } = ["none", "booklet", "2up"];

    /// <summary>The imposition named, or null when the name is none of them.</summary>
    public static ImpositionKind? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "none" => ImpositionKind.None,
        "booklet" => ImpositionKind.Booklet,
        "2up" or "2-up" or "two-up" => ImpositionKind.TwoUp,
        _ => null,
    };
}
