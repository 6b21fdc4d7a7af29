namespace EbookBuilder.Pdf.Typesetting;

/// <summary>The space between units: adjacent full-width marks share one blank (。」 ，「), and a quarter em separates Chinese from Latin and digits.</summary>
internal static class Spacing
{
    /// <summary>
    /// How much of the shared blank between two full-width marks is taken out, in em: clreq's full
    /// compression, half an em (。」 is one and a half ems). The second mark then overlaps the first
    /// one's advance, which text extractors read as a new word or line; the two are drawn as one
    /// cluster (see TextLayout's ReadAsSpace), so the copied text stays whole.
    /// </summary>
    private const float Compression = 0.5f;

    /// <summary>
    /// The compression between two marks drawn in different runs (》 in bold, ） not): they cannot
    /// be one cluster, and poppler reads an overlap of 0.3 em or more between runs as a new line.
    /// </summary>
    private const float CompressionAcrossRuns = 0.25f;

    /// <summary>Punctuation compression and Chinese/Latin spacing.</summary>
    public static void Adjust(List<TextUnit> units, float em)
    {
        for (var i = 0; i + 1 < units.Count; i++)
        {
            TextUnit a = units[i], b = units[i + 1];
            if (a.IsSpace || b.IsSpace || a.IsBreak || b.IsBreak) continue;
            var aFull = a.Width >= 0.9f * em && (CharClass.IsClosingPunct(a.Last) || CharClass.IsOpeningPunct(a.Last));
            var bFull = b.Width >= 0.9f * em && (CharClass.IsClosingPunct(b.First) || CharClass.IsOpeningPunct(b.First));
            if (aFull && bFull)
            {
                var squeeze = (TextUnit.SameRun(a, b) ? Compression : CompressionAcrossRuns) * em;
                if (CharClass.IsClosingPunct(a.Last)) a.Width -= squeeze;
                else if (CharClass.IsOpeningPunct(b.First)) { b.Shift -= squeeze; b.Width -= squeeze; }
                else continue;
                a.Squeezed = squeeze;
                continue;
            }
            if ((CharClass.IsIdeograph(a.Last) && CharClass.IsLatinOrDigit(b.First)) || (CharClass.IsLatinOrDigit(a.Last) && CharClass.IsIdeograph(b.First)))
                a.GapAfter = em / 4;
        }
    }
}
