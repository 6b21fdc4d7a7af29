namespace EbookBuilder.Model.Document;

/// <summary>An image together with its caption (either may be missing, not both).</summary>
public sealed record Figure(ImageReference? Image, IReadOnlyList<Inline> Caption, SourceSpan Source) : Block(Source)
{
    /// <summary>What the figure stands for: a picture, or a video player (its poster, a play mark and a link).</summary>
    public FigureKind Kind { get; init; } = FigureKind.Image;
}

/// <summary>What a figure stands for.</summary>
public enum FigureKind
{
    /// <summary>A picture and its caption.</summary>
    Image,
    /// <summary>An embedded video: its poster image if any, a play mark, its title, a link to where it plays.</summary>
    Video,
}
