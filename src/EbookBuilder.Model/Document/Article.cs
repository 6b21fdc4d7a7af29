namespace EbookBuilder.Model.Document;

/// <summary>One article: its title, the metadata found in it, and its body.</summary>
public sealed record Article(
    string Title,
    DateOnly? Date,
    string? SourceUrl,
    string? Publisher,
    IReadOnlyList<Block> Blocks,
    SourceSpan Source)
{
    /// <summary>Text the cleaner dropped from the article's body by a rule of form (a promotion), for the report.</summary>
    public IReadOnlyList<DroppedText> Dropped { get; init; } = [];
}

/// <summary>A paragraph the cleaner dropped: the rule that took it, its text, where it was.</summary>
public sealed record DroppedText(string Rule, string Text, SourceSpan Source);
