namespace EbookBuilder.Pdf.Drawing;

/// <summary>
/// Shaped glyphs of one face at positions (their baselines), with the UTF-8 text and each glyph's
/// byte offset into it, so that the PDF's text extracts as it was written.
/// </summary>
internal readonly ref struct GlyphRun(FontFace face, float fontSize, Color color, ReadOnlySpan<ushort> glyphs, ReadOnlySpan<Point> positions,
    ReadOnlySpan<byte> utf8, ReadOnlySpan<uint> clusters)
{
    public FontFace Face { get; } = face;

    public float FontSize { get; } = fontSize;

    public Color Color { get; } = color;

    public ReadOnlySpan<ushort> Glyphs { get; } = glyphs;

    public ReadOnlySpan<Point> Positions { get; } = positions;

    public ReadOnlySpan<byte> Utf8 { get; } = utf8;

    public ReadOnlySpan<uint> Clusters { get; } = clusters;
}
