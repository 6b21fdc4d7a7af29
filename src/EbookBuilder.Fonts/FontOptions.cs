namespace EbookBuilder.Fonts;

/// <summary>Which fonts a book embeds.</summary>
public sealed record FontOptions
{
    /// <summary>The body font: a file, or a family name looked up in the bundled and installed fonts; null for the bundled default.</summary>
    public string? Body { get; init; }

    /// <summary>The folder of bundled fonts (fonts/).</summary>
    public required string BundledDirectory { get; init; }

    /// <summary>Whether installed CJK fonts may fill characters the chosen and bundled fonts lack.</summary>
    public bool SystemFallbacks { get; init; } = true;
}
