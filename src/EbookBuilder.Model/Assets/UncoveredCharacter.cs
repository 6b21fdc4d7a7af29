namespace EbookBuilder.Model.Assets;

/// <summary>A character no font in the chain has, and the articles it occurs in.</summary>
public sealed record UncoveredCharacter(int Codepoint, IReadOnlyList<string> Articles)
{
    /// <summary>The character and its code point, e.g. "\uE000 (U+E000)".</summary>
    public string Display => $"{char.ConvertFromUtf32(Codepoint)} (U+{Codepoint:X4})";
}
