using Icu;

namespace EbookBuilder.Pdf.Typesetting;

/// <summary>
/// The visual order of a paragraph's units on each of its lines, by ICU's Unicode bidirectional
/// algorithm (UAX #9, through icu.net over the system's ICU): an Arabic or Hebrew name quoted in a
/// Chinese sentence is set right to left, its words in reverse order, while the paragraph runs
/// left to right. HarfBuzz shapes each right-to-left word itself; this orders the words.
/// Paragraphs with no right-to-left character (nearly all) never reach ICU.
/// </summary>
internal static class BidiOrder
{
    /// <summary>
    /// For each line (a range of units), the unit indexes left to right; a line in written order
    /// gets null, and so does every line when the text has no right-to-left character or ICU cannot
    /// be loaded (the text is then set in written order).
    /// </summary>
    public static int[]?[]? OfLines(IReadOnlyList<string> units, IReadOnlyList<(int Start, int End)> lines)
    {
        if (!units.Any(HasRightToLeft)) return null;
        try
        {
            var result = new int[]?[lines.Count];
            for (var l = 0; l < lines.Count; l++)
            {
                var (start, end) = lines[l];
                if (end - start < 2) continue;
                var offsets = new int[end - start + 1];
                for (var u = start; u < end; u++) offsets[u - start + 1] = offsets[u - start] + units[u].Length;
                // A forced line break stays inside the line's paragraph (ICU takes "\n" as a paragraph's end).
                var text = string.Concat(units.Skip(start).Take(end - start)).Replace('\n', '\u2028');
                if (!HasRightToLeft(text)) continue;
                // Each line analysed on its own, in a paragraph that runs left to right. (icu.net's
                // SetLine hands ICU a pointer where ICU expects a line object to fill: it corrupts
                // memory, so the line is not taken from the paragraph's analysis.)
                using var bidi = new BiDi();
                bidi.SetPara(text, 0, null!);
                var visual = bidi.GetLogicalMap(); // logical character -> visual position
                var order = Enumerable.Range(start, end - start)
                    .OrderBy(u => units[u].Length == 0 ? -1 : visual[offsets[u - start]])
                    .ToArray();
                if (!order.SequenceEqual(Enumerable.Range(start, end - start))) result[l] = order;
            }
            return result;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return null; // no ICU on this machine: written order
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/> has a character of a right-to-left script (Hebrew, Arabic,
    /// Syriac, Thaana, N'Ko, ..., their presentation forms): only such paragraphs are given to ICU.
    /// </summary>
    private static bool HasRightToLeft(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF)
                or (>= 0x10800 and <= 0x10FFF) or (>= 0x1E800 and <= 0x1EFFF)) return true;
        }
        return false;
    }
}
