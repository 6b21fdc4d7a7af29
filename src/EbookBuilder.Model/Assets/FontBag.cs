namespace EbookBuilder.Model.Assets;

/// <summary>The fonts a book embeds, in fallback order, and the characters none of them has.</summary>
public sealed record FontBag(IReadOnlyList<FontAsset> Faces, IReadOnlyList<UncoveredCharacter> Uncovered)
{
    /// <summary>No embedded fonts (the reader's own are used).</summary>
    public static FontBag Empty { get; } = new([], []);
}
