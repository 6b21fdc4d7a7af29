namespace EbookBuilder.Pdf.Drawing;

/// <summary>
/// Shaped glyphs of one face at positions (their baselines), with the UTF-8 text and each glyph's
/// byte offset into it, so that the PDF's text extracts as it was written.
/// </summary>
internal readonly ref struct GlyphRun(FontFace face, float fontSize, Color color, ReadOnlySpan<ushort> glyphs, ReadOnlySpan<Point> positions,
    ReadOnlySpan<byte> utf8, ReadOnlySpan<uint> clusters, ReadOnlySpan<uint> ownClusters = default)
{
    /// <summary>
    /// Each glyph's own cluster (the byte offset of the character it was shaped from), or empty:
    /// then <see cref="Clusters"/>. Those may join a unit to the one before it (spacing the
    /// typesetter added reads as nothing), so they do not always name a glyph's own character; a
    /// vertical page, which stands each glyph upright or on its side by its character, needs it.
    /// </summary>
    public ReadOnlySpan<uint> OwnClusters { get; } = ownClusters.IsEmpty ? clusters : ownClusters;

    public FontFace Face { get; } = face;

    public float FontSize { get; } = fontSize;

    public Color Color { get; } = color;

    public ReadOnlySpan<ushort> Glyphs { get; } = glyphs;

    public ReadOnlySpan<Point> Positions { get; } = positions;

    public ReadOnlySpan<byte> Utf8 { get; } = utf8;

    public ReadOnlySpan<uint> Clusters { get; } = clusters;
}
