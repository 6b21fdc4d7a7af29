namespace EbookBuilder.Pdf.Typesetting;

/// <summary>
/// Units into lines at a width: a line may break between units except before a closing mark or
/// after an opening one (clreq kinsoku); Latin words and numbers stay whole unless one is longer
/// than the line (then split where the line ends); the first line takes the style's indent.
/// </summary>
internal sealed partial class LineBreaker
{
    private readonly List<TextUnit> _units;
    private readonly List<TextLine> _lines = [];
    private readonly TextStyle _style;
    private readonly float _width;

    private LineBreaker(List<TextUnit> units, TextStyle style, float width) => (_units, _style, _width) = (units, style, width);

    /// <summary>
    /// The lines of <paramref name="units"/> (a word too long for a line is split in the list,
    /// unless <paramref name="split"/> is false: then it overflows the line).
    /// </summary>
    public static List<TextLine> Break(List<TextUnit> units, TextStyle style, float width, bool split = true)
    {
        var breaker = new LineBreaker(units, style, width) { _rebreaking = !split };
        breaker.BreakLines();
        return breaker._lines;
    }

    private float Scale(FontSet.Face face) => _style.Size / face.UnitsPerEm;

    /// <summary>
    /// Whether a line may end after unit <paramref name="i"/>. Spaces are looked through: "Luca )"
    /// may not break at the space either, since the next line would start with the closing mark.
    /// </summary>
    private bool CanBreakAfter(int i)
    {
        if (i + 1 >= _units.Count) return true;
        var before = i;
        while (before >= 0 && _units[before].IsSpace) before--;
        var after = i + 1;
        while (after < _units.Count && _units[after].IsSpace) after++;
        if (before < 0 || after >= _units.Count) return true;
        TextUnit a = _units[before], b = _units[after];
        if (a.IsBreak || b.IsBreak) return true;
        if (CharClass.IsNoEnd(a.Last) || CharClass.IsNoStart(b.First)) return false;
        if (a.Text == b.Text && a.Text is "—" or "…") return false; // —— and …… stay whole
        var spaced = after > before + 1;
        return spaced || CharClass.IsWide(a.Last) || CharClass.IsWide(b.First);
    }

    private void BreakLines()
    {
        var start = 0;
        var firstLine = true;
        while (NextLine(ref start, ref firstLine, 0)) { }
        AvoidLoneLastLine();
    }

    /// <summary>
    /// Breaks the line that starts at <paramref name="start"/> (spaces skipped) in the measure less
    /// <paramref name="shorten"/>, and moves <paramref name="start"/> past it; false when no unit is left.
    /// </summary>
    private bool NextLine(ref int start, ref bool firstLine, float shorten)
    {
        {
            while (start < _units.Count && _units[start].IsSpace) start++;
            if (start >= _units.Count) return false;
            var indent = firstLine ? _style.FirstIndent : 0;
            var available = _width - indent - shorten;
            var x = 0f;
            var lastBreak = -1;
            var end = start;
            var hard = false;
            for (; end < _units.Count; end++)
            {
                var unit = _units[end];
                if (unit.IsBreak) { hard = true; break; }
                var overflow = !unit.IsSpace && x + unit.Width > available + 0.01f;
                if (overflow && end > start)
                {
                    // A web address pushed whole to the next line would leave this one spaced out:
                    // it breaks after one of its own separators instead, filling the line.
                    if (lastBreak >= end - 2 && available - x >= 3 * _style.Size && BreakAddress(end, available - x)) end++;
                    else if (lastBreak >= start) end = lastBreak + 1;
                    // No break before it on this line (it follows a long token cut to the line): a
                    // closing mark hangs in the margin (JLREQ's burasage) rather than start a line.
                    else if (CharClass.IsNoStart(unit.First) && unit.Text.Length <= 2) end++;
                    else if (SplitWord(end, available - x)) end++; // its first part fills this line
                    // else the unit starts the next line
                    break;
                }
                if (overflow && end == start && SplitWord(end, available)) { end++; break; }
                x += unit.Width + unit.GapAfter;
                if (CanBreakAfter(end)) lastBreak = end;
            }
            var lineEnd = end;
            while (lineEnd > start && _units[lineEnd - 1].IsSpace) lineEnd--;
            var natural = 0f;
            for (var i = start; i < lineEnd; i++) natural += _units[i].Width + (i + 1 < lineEnd ? _units[i].GapAfter : 0);
            var last = hard || end >= _units.Count;
            _lines.Add(new TextLine(start, lineEnd, natural, _style.Align == TextAlign.Justify && !last, indent));
            start = hard ? end + 1 : end;
            firstLine = false;
            return true;
        }
    }

    /// <summary>
    /// A paragraph's last line holding one character (with its closing marks) alone: clreq's 孤字,
    /// which a typesetter never leaves. The line before gives up its last character: it is broken
    /// again in a measure just short of its own width (so at the break before its last unit,
    /// kinsoku kept) and justified with the slack, a few hundredths of an em between its characters. Kept as it was when that would
    /// not help (the line before ends a forced break, or holds a word longer than the measure).
    /// </summary>
    private void AvoidLoneLastLine()
    {
        if (_lines.Count < 2 || !IsLone(_lines[^1])) return;
        var before = _lines[^2];
        for (var i = before.End; i < _lines[^1].Start; i++)
        {
            if (_units[i].IsBreak) return;
        }
        for (var i = before.Start; i < _lines[^1].End; i++)
        {
            if (_units[i].Width > _width - _style.FirstIndent) return; // a split word: breaking again would split it again
        }
        var prefix = _lines.Count - 2;
        var kept = _lines.GetRange(prefix, 2);
        _lines.RemoveRange(prefix, 2);
        var start = before.Start;
        var firstLine = prefix == 0;
        var splitting = !_rebreaking;
        _rebreaking = true; // a unit split now could not be put back if the lines are
        // The measure cut to just short of the line as it was set: its last unit no longer fits.
        if (NextLine(ref start, ref firstLine, _width - before.Indent - before.Natural + 0.02f))
        {
            while (NextLine(ref start, ref firstLine, 0)) { }
        }
        _rebreaking = !splitting;
        if (_lines.Count == prefix + 2 && _lines[prefix].End < before.End && !IsLone(_lines[^1])) return;
        _lines.RemoveRange(prefix, _lines.Count - prefix);
        _lines.AddRange(kept);
    }

    private bool IsLone(TextLine line) => IsLone(_units, line);

    /// <summary>Whether a line holds one Chinese character and nothing after it but closing marks.</summary>
    public static bool IsLone(List<TextUnit> units, TextLine line)
    {
        if (line.End <= line.Start) return false;
        var first = units[line.Start];
        if (first.IsSpace || first.IsBreak || !CharClass.IsWide(first.First) || CharClass.IsClosingPunct(first.First) || CharClass.IsOpeningPunct(first.First)
            || CharClass.IsNoStart(first.First)) return false;
        for (var i = line.Start + 1; i < line.End; i++)
        {
            if (units[i].IsSpace || units[i].IsBreak || !CharClass.IsNoStart(units[i].First)) return false;
        }
        return true;
    }


    /// <summary>Characters of a web address after which it may break (as browsers and clreq allow for URLs).</summary>
    private const string AddressBreaks = "/.-?&=_#";

    /// <summary>Set while a paragraph is broken again (<see cref="AvoidLoneLastLine"/>): units are not split then.</summary>
    private bool _rebreaking;

    /// <summary>
    /// A web address (<see cref="IsAddress"/>) that does not fit the <paramref name="room"/>
    /// left on the line: split after the last of its separators that fits, so that the line is
    /// filled; false when it has none there (it then goes to the next line whole).
    /// </summary>
    private bool BreakAddress(int index, float room)
    {
        var unit = _units[index];
        if (_rebreaking || unit.IsSpace || unit.IsBreak || !IsAddress(unit.Text)) return false;
        var scale = Scale(unit.Face);
        var width = 0f;
        var (best, bestWidth) = (0, 0f);
        for (var glyph = 0; glyph < unit.Shaped.Glyphs.Length; glyph++)
        {
            var advance = unit.Shaped.Advances[glyph] * scale;
            if (width + advance > room) break;
            width += advance;
            var cluster = unit.Shaped.Clusters[glyph];
            var next = glyph + 1 < unit.Shaped.Glyphs.Length ? unit.Shaped.Clusters[glyph + 1] : unit.Text.Length;
            // After a separator, not inside "://" (the scheme stays whole with its slashes).
            if (next < unit.Text.Length && AddressBreaks.Contains(unit.Text[cluster]) && !AddressBreaks.Contains(unit.Text[next]) && unit.Text[next] != ':')
                (best, bestWidth) = (glyph + 1, width);
        }
        return best > 0 && Split(index, best, bestWidth);
    }

    /// <summary>
    /// Whether a token is a web address: it has a scheme ("://"), starts with "www.", or is written
    /// without either as a host name and a path (t.co/…, pic.example.com/…).
    /// </summary>
    internal static bool IsAddress(string text) =>
        text.Contains("://", StringComparison.Ordinal) || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || HostAndPath().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/\S")]
    private static partial System.Text.RegularExpressions.Regex HostAndPath();

    /// <summary>A word wider than the space left (a long URL): split it so the first part fills the line.</summary>
    private bool SplitWord(int index, float room)
    {
        var unit = _units[index];
        if (_rebreaking || unit.Text.Length < 2 || unit.Width <= _width - _style.FirstIndent) return false;
        var scale = Scale(unit.Face);
        var width = 0f;
        var glyph = 0;
        for (; glyph < unit.Shaped.Glyphs.Length; glyph++)
        {
            if (width + unit.Shaped.Advances[glyph] * scale > room) break;
            width += unit.Shaped.Advances[glyph] * scale;
        }
        return Split(index, glyph, width);
    }

    /// <summary>Splits unit <paramref name="index"/> before glyph <paramref name="glyph"/>; the first part is <paramref name="width"/> wide.</summary>
    private bool Split(int index, int glyph, float width)
    {
        var unit = _units[index];
        if (glyph == 0 || glyph >= unit.Shaped.Glyphs.Length) return false;
        var cut = unit.Shaped.Clusters[glyph];
        if (cut <= 0 || cut >= unit.Text.Length) return false;
        TextUnit Part(string text, int from, int to, float w) => new()
        {
            Text = text,
            Face = unit.Face,
            Shaped = new FontSet.Shaped(unit.Shaped.Glyphs[from..to], unit.Shaped.Advances[from..to], unit.Shaped.Offsets[from..to],
                unit.Shaped.Clusters[from..to].Select(c => c - unit.Shaped.Clusters[from]).ToArray(), 0),
            Width = w,
            Bold = unit.Bold,
            Link = unit.Link,
            First = char.ConvertToUtf32(text, 0),
            Last = text[^1],
        };
        var head = Part(unit.Text[..cut], 0, glyph, width);
        var tail = Part(unit.Text[cut..], glyph, unit.Shaped.Glyphs.Length, unit.Width - width);
        tail.GapAfter = unit.GapAfter; // the quarter em before the Chinese that follows stays with the end of the word
        _units[index] = head;
        _units.Insert(index + 1, tail);
        return true;
    }
}
