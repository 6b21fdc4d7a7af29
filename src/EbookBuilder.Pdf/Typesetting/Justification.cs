namespace EbookBuilder.Pdf.Typesetting;

/// <summary>Where a justified line's slack goes (JLREQ 3.8, line adjustment).</summary>
internal static class Justification
{
    /// <summary>Which gaps of a line take its slack (JLREQ 3.8, line adjustment).</summary>
    private enum Room { Squeezed, Spaces }

    /// <summary>
    /// Where a justified line's slack goes, in the order of JLREQ's line adjustment: first back to
    /// the blanks taken out between adjacent marks, then to the spaces between Chinese and Latin
    /// text and between words (a quarter em more at most) when they can take all of it, else
    /// evenly between all characters. The characters a line's few wider gaps do not touch keep
    /// their advance, so the line stays a few strings in the PDF, not a move per glyph. (A line
    /// spread evenly does not also widen its spaces: on a loose line that opened gaps pdftotext
    /// read as a column break.) A line whose widest gap would grow by more than half an em is set
    /// ragged: a line of a few Latin words spread wider reads in pdftotext as columns (words out of order).
    /// <paramref name="extra"/>[i] is the space added after the line's i-th unit.
    /// </summary>
    public static void Spread(List<TextUnit> units, TextLine line, float[] extra, float width, float size)
    {
        var gaps = line.End - line.Start - 1;
        Array.Clear(extra, 0, gaps + 1);
        var slack = width - line.Indent - line.Natural;
        if (!line.Justify || gaps <= 0 || slack <= 0) return;
        slack = Give(units, line, extra, slack, Room.Squeezed, size);
        if (slack <= 0) return;
        if (Total(units, line, Room.Spaces, size) >= slack)
        {
            Give(units, line, extra, slack, Room.Spaces, size);
            return;
        }
        var even = slack / gaps;
        // A space takes the extra of the gaps on both its sides: that is the widest gap of the line.
        var widest = even;
        for (var i = line.Start; i < line.End; i++)
        {
            if (units[i].IsSpace) { widest = 2 * even; break; }
        }
        if (widest > size / 2)
        {
            Array.Clear(extra, 0, gaps); // too loose to look justified
            return;
        }
        for (var g = 0; g < gaps; g++) extra[g] += even;
    }

    /// <summary>
    /// The widest extra space <see cref="Spread"/> would put between two characters of a justified
    /// line (0 for a line that is not justified, or whose slack the mark blanks and word spaces take).
    /// </summary>
    public static float WidestGap(List<TextUnit> units, TextLine line, float width, float size)
    {
        var gaps = line.End - line.Start - 1;
        var slack = width - line.Indent - line.Natural - Total(units, line, Room.Squeezed, size);
        if (!line.Justify || gaps <= 0 || slack <= 0 || Total(units, line, Room.Spaces, size) >= slack) return 0;
        var even = slack / gaps;
        for (var i = line.Start; i < line.End; i++)
        {
            if (units[i].IsSpace) return 2 * even;
        }
        return even;
    }

    /// <summary>Gives the gaps of one kind their share of the slack, in proportion to their room; returns what is left.</summary>
    private static float Give(List<TextUnit> units, TextLine line, float[] extra, float slack, Room kind, float size)
    {
        var total = Total(units, line, kind, size);
        if (total <= 0) return slack;
        var share = MathF.Min(1, slack / total);
        for (var i = line.Start; i + 1 < line.End; i++) extra[i - line.Start] += RoomAfter(units, i, kind, size) * share;
        return slack - total * share;
    }

    private static float Total(List<TextUnit> units, TextLine line, Room kind, float size)
    {
        var total = 0f;
        for (var i = line.Start; i + 1 < line.End; i++) total += RoomAfter(units, i, kind, size);
        return total;
    }

    private static float RoomAfter(List<TextUnit> units, int i, Room kind, float size) => kind switch
    {
        Room.Squeezed => units[i].Squeezed,
        _ => units[i].GapAfter > 0 || units[i].IsSpace ? size / 4 : 0,
    };
}
