namespace EbookBuilder.Pdf.Typesetting;

/// <summary>Where a justified line's slack goes (JLREQ 3.8, line adjustment).</summary>
internal static class Justification
{
    /// <summary>Which gaps of a line take its slack (JLREQ 3.8, line adjustment).</summary>
    private enum Room { Squeezed, Spaces, Characters }

    /// <summary>
    /// Where a justified line's slack goes, in the order of JLREQ's line adjustment (3.8), each
    /// within its limit: first back to the blanks taken out between adjacent marks; then to the
    /// spaces between Chinese and Latin text and between words, a quarter em each; then evenly
    /// between the other characters, a quarter em at most (more reads as letter-spaced, clreq's
    /// limit); then to the spaces again, up to <see cref="MostAtASpace"/>. A line those limits
    /// cannot fill (one left short by a long word that went to the next line) is set at its natural
    /// width, as the last line is: ragged, not spaced out. The characters a line's few wider gaps do
    /// not touch keep their advance, so the line stays a few strings in the PDF, not a move per glyph.
    /// <paramref name="extra"/>[i] is the space added after the line's i-th unit. Returns whether
    /// the line fills the measure (false: it is set ragged).
    /// </summary>
    public static bool Spread(List<TextUnit> units, TextLine line, float[] extra, float width, float size)
    {
        var gaps = line.End - line.Start - 1;
        Array.Clear(extra, 0, gaps + 1);
        var slack = width - line.Indent - line.Natural;
        if (!line.Justify || gaps <= 0 || slack <= 0.01f) return true;
        slack = Give(units, line, extra, slack, Room.Squeezed, size, size);
        if (slack <= 0) return true;
        slack = Give(units, line, extra, slack, Room.Spaces, size, size / 4);
        if (slack <= 0) return true;
        slack = Give(units, line, extra, slack, Room.Characters, size, MostBetweenCharacters * size);
        if (slack <= 0) return true;
        slack = Give(units, line, extra, slack, Room.Spaces, size, (MostAtASpace - 0.25f) * size);
        if (slack <= 0.01f) return true;
        Array.Clear(extra, 0, gaps + 1);
        return false;
    }

    /// <summary>Whether <see cref="Spread"/> can fill the justified line to the measure within its limits.</summary>
    public static bool Fills(List<TextUnit> units, TextLine line, float width, float size)
    {
        var slack = width - line.Indent - line.Natural;
        if (!line.Justify || line.End - line.Start <= 1 || slack <= 0.01f) return true;
        var room = Total(units, line, Room.Squeezed, size) * size + Total(units, line, Room.Spaces, size) * MostAtASpace * size
            + Total(units, line, Room.Characters, size) * MostBetweenCharacters * size;
        return room >= slack - 0.01f;
    }

    /// <summary>The most added between two characters of a justified line, in em (clreq: a quarter em).</summary>
    public const float MostBetweenCharacters = 0.25f;

    /// <summary>The most added at a word space or the gap between Chinese and Latin, in em.</summary>
    private const float MostAtASpace = 0.75f;

    /// <summary>The widest space <see cref="Spread"/> puts between two characters of the line (not at a word space), in points.</summary>
    public static float WidestBetweenCharacters(List<TextUnit> units, TextLine line, float width, float size, float[] scratch)
    {
        Spread(units, line, scratch, width, size);
        var widest = 0f;
        for (var i = line.Start; i + 1 < line.End; i++)
        {
            // What a squeezed pair of marks gets back is its own blank, not added space.
            if (RoomAfter(units, i, Room.Characters, size) > 0) widest = Math.Max(widest, scratch[i - line.Start] - units[i].Squeezed);
        }
        return widest;
    }

    /// <summary>
    /// Gives the gaps of one kind their share of the slack, evenly by their room, each at most
    /// <paramref name="most"/> times its room; returns what is left.
    /// </summary>
    private static float Give(List<TextUnit> units, TextLine line, float[] extra, float slack, Room kind, float size, float most)
    {
        var total = Total(units, line, kind, size);
        if (total <= 0) return slack;
        var share = MathF.Min(most, slack / total);
        for (var i = line.Start; i + 1 < line.End; i++) extra[i - line.Start] += RoomAfter(units, i, kind, size) * share;
        return slack - total * share;
    }

    private static float Total(List<TextUnit> units, TextLine line, Room kind, float size)
    {
        var total = 0f;
        for (var i = line.Start; i + 1 < line.End; i++) total += RoomAfter(units, i, kind, size);
        return total;
    }

    /// <summary>
    /// How much a gap of the kind can take: the blank squeezed out (in points); 1 for a space or a
    /// Chinese–Latin gap (Spaces), or for a gap between two characters of one run with no space at it (Characters).
    /// </summary>
    private static float RoomAfter(List<TextUnit> units, int i, Room kind, float size) => kind switch
    {
        Room.Squeezed => units[i].Squeezed / size,
        Room.Spaces => units[i].GapAfter > 0 || units[i].IsSpace ? 1 : 0,
        // Not where one run of the PDF ends and the next begins (bold, a link): a gap there is read as a space.
        _ => units[i].GapAfter > 0 || units[i].IsSpace || units[i + 1].IsSpace || !TextUnit.SameRun(units[i], units[i + 1]) ? 0 : 1,
    };
}
