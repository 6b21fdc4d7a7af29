using System.Text;
using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Typesetting;

/// <summary>
/// Paragraph text broken into lines. Units are single Chinese characters (and marks), Latin words
/// and spaces; a line may break between units except before a closing mark or after an opening one
/// (clreq kinsoku); Latin words and numbers stay whole unless one is longer than the line. Adjacent
/// full-width marks share one blank (。」 ，「), a quarter em separates Chinese from Latin and digits,
/// and justified lines place their slack as JLREQ adjusts a line (see <see cref="Spread"/>); last
/// lines are not stretched.
/// </summary>
internal sealed class TextLayout : ITextBlock
{
    internal sealed class Unit
    {
        public required string Text;
        public required FontSet.Face Face;
        public required FontSet.Shaped Shaped;
        public float Width;
        public float Shift;
        public float GapAfter;
        /// <summary>The blank taken out between this unit and the next (two adjacent full-width marks).</summary>
        public float Squeezed;
        public bool IsSpace;
        public bool IsBreak;
        public bool Bold;
        public string? Link;
        public int First;
        public int Last;
    }

    internal sealed record Line(int Start, int End, float Natural, bool Justify, float Indent);

    /// <summary>
    /// How much of the shared blank between two full-width marks is taken out, in em. clreq's full
    /// compression is half an em; text extractors (poppler's pdftotext among them) read a glyph that
    /// overlaps the one before by 0.3 em or more as a new line, so copying 。」 would break the text.
    /// A quarter em closes most of the double gap and keeps the text whole.
    /// </summary>
    private const float Compression = 0.25f;

    private readonly List<Unit> _units = [];
    private readonly List<Line> _lines = [];
    private readonly TextStyle _style;
    private readonly float _width;

    public TextLayout(IReadOnlyList<TextSpan> spans, TextStyle style, float width, FontSet fonts)
    {
        _style = style;
        _width = width;
        BuildUnits(spans, fonts);
        Adjust();
        BreakLines();
        _visual = BidiOrder.OfLines(_units.Select(u => u.IsBreak ? "\n" : u.Text).ToList(), _lines.Select(l => (l.Start, l.End)).ToList());
    }

    /// <summary>Per line, its units left to right, where that is not the order they were written in (right-to-left text); else null.</summary>
    private readonly int[]?[]? _visual;

    public IReadOnlyList<Line> Lines => _lines;

    public int LineCount => _lines.Count;

    public TextStyle Style => _style;

    public float LineHeight => _style.Leading;

    /// <summary>
    /// The top of the em box above the baseline, as a part of the em: the CJK faces' ideographic em
    /// box (OS/2 typo ascender 880 and descender −120 per 1000 in Source Han and Noto CJK).
    /// </summary>
    private const float EmAscent = 0.88f;

    /// <summary>How far below the top of a line its baseline lies: the em box centred in the line's leading.</summary>
    public float Ascent => _style.Size * EmAscent + (LineHeight - _style.Size) / 2;

    /// <summary>The plain text of the layout (for descriptions in errors).</summary>
    public string Text => string.Concat(_units.Where(u => !u.IsBreak).Select(u => u.Text));

    private float Scale(FontSet.Face face) => _style.Size / face.UnitsPerEm;

    private void BuildUnits(IReadOnlyList<TextSpan> spans, FontSet fonts)
    {
        var characters = 0;
        foreach (var span in spans) characters += span.Text?.Length ?? 1;
        _units.Capacity = characters; // at most a unit per character: the list never grows
        var word = new StringBuilder();
        foreach (var span in spans)
        {
            if (span.Text is null)
            {
                var face = fonts.For(' ', false);
                _units.Add(new Unit { Text = "", Face = face, Shaped = fonts.Shape(face, " "), IsBreak = true });
                continue;
            }
            var bold = span.Bold || _style.Bold;
            foreach (var rune in span.Text.EnumerateRunes())
            {
                // Zero-width spaces, joiners and variation selectors have no glyph to draw (a box otherwise).
                if (Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format || rune.Value is >= 0xFE00 and <= 0xFE0F) continue;
                if (Rune.IsWhiteSpace(rune) && rune.Value != 0x3000)
                {
                    FlushWord(word, span, bold, fonts);
                    if (_units.Count > 0 && (_units[^1].IsSpace || _units[^1].IsBreak)) continue;
                    var face = fonts.For(' ', bold);
                    _units.Add(new Unit { Text = " ", Face = face, Shaped = fonts.Shape(face, " "), IsSpace = true, Bold = bold, Link = span.Link });
                    continue;
                }
                if (word.Length == 0 && IsMark(rune))
                {
                    // A combining mark belongs to the character before it: shaped with it, as one
                    // cluster, so that it is drawn on it and copied after it. A mark that no face
                    // has, or that has nothing to sit on (after a space), is not drawn: it is
                    // reported as uncovered, and a box in the line would only scramble the text
                    // that readers copy.
                    var mark = fonts.Text(rune);
                    if (_units.Count > 0 && _units[^1] is { IsSpace: false, IsBreak: false } before && before.Face.Codepoints.Contains(rune.Value))
                        _units[^1] = new Unit { Text = before.Text + mark, Face = before.Face, Shaped = fonts.Shape(before.Face, before.Text + mark), Bold = before.Bold, Link = before.Link };
                    else if (fonts.For(rune.Value, bold) is var face && face.Codepoints.Contains(rune.Value))
                        Add(mark, face, span, bold, fonts);
                    continue;
                }
                if (CharClass.IsWide(rune.Value))
                {
                    FlushWord(word, span, bold, fonts);
                    Add(fonts.Text(rune), fonts.For(rune.Value, bold), span, bold, fonts);
                    continue;
                }
                word.Append(rune);
            }
            FlushWord(word, span, bold, fonts);
        }
        DropBreaksBeforeClosingMarks();
        CentreMiddleDots();
        foreach (var unit in _units)
        {
            unit.Width = unit.Shaped.Width * Scale(unit.Face);
            if (unit.Text.Length > 0)
            {
                unit.First = char.ConvertToUtf32(unit.Text, 0);
                unit.Last = LastBase(unit.Text);
            }
        }
    }

    /// <summary>
    /// The Latin word gathered so far, as one unit in one face if that face has all of it; else
    /// letter by letter. (A method, not a closure: as a local function it cost an allocation for
    /// every character of the book.)
    /// </summary>
    private void FlushWord(StringBuilder word, TextSpan span, bool bold, FontSet fonts)
    {
        if (word.Length == 0) return;
        if (word.Length > LongWord)
        {
            FlushLongWord(word, span, bold, fonts);
            return;
        }
        var text = word.ToString();
        word.Clear();
        var face = fonts.For(char.ConvertToUtf32(text, 0), bold);
        var whole = true;
        foreach (var rune in text.EnumerateRunes()) whole &= face.Codepoints.Contains(rune.Value);
        if (whole) Add(text, face, span, bold, fonts);
        else foreach (var rune in text.EnumerateRunes()) Add(fonts.Text(rune), fonts.For(rune.Value, bold), span, bold, fonts);
    }

    /// <summary>The last character of <paramref name="text"/> that is not a combining mark (kinsoku and spacing look at it).</summary>
    private static int LastBase(string text)
    {
        var index = text.Length;
        while (index > 0 && Rune.DecodeLastFromUtf16(text.AsSpan(0, index), out var rune, out var length) == System.Buffers.OperationStatus.Done)
        {
            if (!IsMark(rune) || index == length) return rune.Value;
            index -= length;
        }
        return text[^1];
    }

    /// <summary>
    /// A line break in the source right before a closing mark (a caption broken as "俗语" / "：“…") would
    /// start a line with it: the break gives way to kinsoku and the mark stays on the line before.
    /// </summary>
    private void DropBreaksBeforeClosingMarks()
    {
        for (var i = _units.Count - 2; i >= 1; i--)
        {
            if (!_units[i].IsBreak || _units[i + 1].IsBreak || _units[i + 1].IsSpace || _units[i + 1].Text.Length == 0) continue;
            if (CharClass.IsNoStart(char.ConvertToUtf32(_units[i + 1].Text, 0))) _units.RemoveAt(i);
        }
    }

    /// <summary>
    /// A middle dot (U+00B7) between two Chinese characters separates the parts of a name
    /// (唐纳德·特朗普): it is set as the full-width mark it stands for, centred in an em, as clreq
    /// asks, not as the narrow Latin dot the fonts draw. The character stays U+00B7: copied text is
    /// the source's.
    /// </summary>
    private void CentreMiddleDots()
    {
        for (var i = 1; i < _units.Count - 1; i++)
        {
            var unit = _units[i];
            if (unit.Text != "\u00B7" || unit.Shaped.Glyphs.Length != 1) continue;
            if (!IsWideText(_units[i - 1].Text, last: true) || !IsWideText(_units[i + 1].Text, last: false)) continue;
            var em = unit.Face.UnitsPerEm;
            var shaped = unit.Shaped;
            unit.Shaped = new FontSet.Shaped(shaped.Glyphs, [em], [shaped.Offsets[0] + (em - shaped.Advances[0]) / 2], shaped.Clusters, em);
        }
    }

    private static bool IsWideText(string text, bool last) =>
        text.Length > 0 && CharClass.IsWide(last ? LastBase(text) : char.ConvertToUtf32(text, 0));

    /// <summary>A word longer than this (a base64 line, a URL of thousands of characters) is set in pieces.</summary>
    private const int LongWord = 512;

    /// <summary>
    /// A word longer than <see cref="LongWord"/> as units of <see cref="LongWord"/>/2 characters
    /// with no break between them: a line takes what fits of a piece (<see cref="SplitWord"/>
    /// copies only that piece), so breaking a token is linear in its length, not quadratic, and it
    /// is never shaped or cached whole. Pieces end at character boundaries, marks kept with their base.
    /// </summary>
    private void FlushLongWord(StringBuilder word, TextSpan span, bool bold, FontSet fonts)
    {
        var text = word.ToString();
        word.Clear();
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + LongWord / 2);
            while (end < text.Length && (char.IsLowSurrogate(text[end]) || Rune.DecodeFromUtf16(text.AsSpan(end), out var next, out _) == System.Buffers.OperationStatus.Done && IsMark(next))) end++;
            word.Append(text, start, end - start);
            FlushWord(word, span, bold, fonts);
            start = end;
        }
    }

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark
        or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    private void Add(string text, FontSet.Face face, TextSpan span, bool bold, FontSet fonts) =>
        _units.Add(new Unit { Text = text, Face = face, Shaped = fonts.Shape(face, text), Bold = bold, Link = span.Link });

    /// <summary>Punctuation compression and Chinese/Latin spacing.</summary>
    private void Adjust()
    {
        var em = _style.Size;
        for (var i = 0; i + 1 < _units.Count; i++)
        {
            Unit a = _units[i], b = _units[i + 1];
            if (a.IsSpace || b.IsSpace || a.IsBreak || b.IsBreak) continue;
            var aFull = a.Width >= 0.9f * em && (CharClass.IsClosingPunct(a.Last) || CharClass.IsOpeningPunct(a.Last));
            var bFull = b.Width >= 0.9f * em && (CharClass.IsClosingPunct(b.First) || CharClass.IsOpeningPunct(b.First));
            if (aFull && bFull)
            {
                if (CharClass.IsClosingPunct(a.Last)) a.Width -= Compression * em;
                else if (CharClass.IsOpeningPunct(b.First)) { b.Shift -= Compression * em; b.Width -= Compression * em; }
                else continue;
                a.Squeezed = Compression * em;
                continue;
            }
            if ((CharClass.IsIdeograph(a.Last) && CharClass.IsLatinOrDigit(b.First)) || (CharClass.IsLatinOrDigit(a.Last) && CharClass.IsIdeograph(b.First)))
                a.GapAfter = em / 4;
        }
    }

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
        Unit a = _units[before], b = _units[after];
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
        while (start < _units.Count)
        {
            while (start < _units.Count && _units[start].IsSpace) start++;
            if (start >= _units.Count) break;
            var indent = firstLine ? _style.FirstIndent : 0;
            var available = _width - indent;
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
                    if (lastBreak >= start) end = lastBreak + 1;
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
            _lines.Add(new Line(start, lineEnd, natural, _style.Align == TextAlign.Justify && !last, indent));
            start = hard ? end + 1 : end;
            firstLine = false;
        }
    }

    /// <summary>A word wider than the space left (a long URL): split it so the first part fills the line.</summary>
    private bool SplitWord(int index, float room)
    {
        var unit = _units[index];
        if (unit.Text.Length < 2 || unit.Width <= _width - _style.FirstIndent) return false;
        var scale = Scale(unit.Face);
        var width = 0f;
        var glyph = 0;
        for (; glyph < unit.Shaped.Glyphs.Length; glyph++)
        {
            if (width + unit.Shaped.Advances[glyph] * scale > room) break;
            width += unit.Shaped.Advances[glyph] * scale;
        }
        if (glyph == 0 || glyph >= unit.Shaped.Glyphs.Length) return false;
        var cut = unit.Shaped.Clusters[glyph];
        if (cut <= 0 || cut >= unit.Text.Length) return false;
        Unit Part(string text, int from, int to, float w) => new()
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
        _units[index] = head;
        _units.Insert(index + 1, tail);
        return true;
    }

    /// <summary>The width of a line as drawn (justified lines fill the measure).</summary>
    public float LineWidth(int line) => _lines[line].Justify ? _width - _lines[line].Indent : _lines[line].Natural;

    /// <summary>Draws one line with its baseline at <paramref name="baseline"/>.</summary>
    public void DrawLine(IPageCanvas canvas, int index, float left, float baseline)
    {
        var line = _lines[index];
        if (line.End <= line.Start) return;
        var x = left + line.Indent + _style.Align switch
        {
            TextAlign.Center => (_width - line.Natural) / 2,
            TextAlign.Right => _width - line.Natural,
            _ => 0,
        };
        var scratch = t_scratch ??= new Scratch();
        var count = line.End - line.Start;
        var extra = scratch.Extra(count);
        Spread(line, extra);
        var positions = scratch.Positions(count);
        // Units left to right: the order they were written in, unless the line holds right-to-left text.
        var order = scratch.Order(count);
        if (_visual?[index] is { } visual) visual.CopyTo(order, 0);
        else for (var k = 0; k < count; k++) order[k] = line.Start + k;
        for (var k = 0; k < count; k++)
        {
            var i = order[k];
            positions[i - line.Start] = x + _units[i].Shift;
            x += _units[i].Width + (k + 1 < count ? _units[i].GapAfter + extra[i - line.Start] : 0);
        }
        // Runs of one face, one weight and one link state become one positioned text run each.
        var runStart = 0;
        for (var k = 0; k <= count; k++)
        {
            if (k < count && k > runStart && SameRun(_units[order[k - 1]], _units[order[k]])) continue;
            if (k > runStart) DrawRun(canvas, order.AsSpan(runStart, k - runStart), positions, line.Start, baseline, scratch);
            runStart = k;
        }
    }

    /// <summary>
    /// Draws the layout's one character <paramref name="count"/> times, <paramref name="step"/>
    /// apart from <paramref name="x"/>, as one run (dot leaders: one string in the PDF, not a text
    /// object per dot).
    /// </summary>
    public void DrawRepeated(IPageCanvas canvas, float x, float step, int count, float baseline)
    {
        if (count <= 0) return;
        if (_units.Count != 1 || _units[0].Shaped.Glyphs.Length != 1)
            throw new InvalidOperationException($"'{Text}' is not one character to repeat");
        var unit = _units[0];
        var bytes = Encoding.UTF8.GetByteCount(unit.Text);
        var scratch = t_scratch ??= new Scratch();
        scratch.Ensure(count, count * bytes);
        for (var k = 0; k < count; k++)
        {
            scratch.Glyphs[k] = unit.Shaped.Glyphs[0];
            scratch.Points[k] = new Point(x + k * step + unit.Shift, baseline);
            scratch.Clusters[k] = (uint)(k * bytes);
            Encoding.UTF8.GetBytes(unit.Text, scratch.Utf8.AsSpan(k * bytes));
        }
        canvas.DrawText(new GlyphRun(unit.Face.Drawn, _style.Size, _style.Color, scratch.Glyphs.AsSpan(0, count), scratch.Points.AsSpan(0, count),
            scratch.Utf8.AsSpan(0, count * bytes), scratch.Clusters.AsSpan(0, count)));
    }

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
    private void Spread(Line line, float[] extra)
    {
        var gaps = line.End - line.Start - 1;
        Array.Clear(extra, 0, gaps + 1);
        var slack = _width - line.Indent - line.Natural;
        if (!line.Justify || gaps <= 0 || slack <= 0) return;
        slack = Give(line, extra, slack, Room.Squeezed);
        if (slack <= 0) return;
        if (Total(line, Room.Spaces) >= slack)
        {
            Give(line, extra, slack, Room.Spaces);
            return;
        }
        var even = slack / gaps;
        // A space takes the extra of the gaps on both its sides: that is the widest gap of the line.
        var widest = even;
        for (var i = line.Start; i < line.End; i++)
        {
            if (_units[i].IsSpace) { widest = 2 * even; break; }
        }
        if (widest > _style.Size / 2)
        {
            Array.Clear(extra, 0, gaps); // too loose to look justified
            return;
        }
        for (var g = 0; g < gaps; g++) extra[g] += even;
    }

    /// <summary>Gives the gaps of one kind their share of the slack, in proportion to their room; returns what is left.</summary>
    private float Give(Line line, float[] extra, float slack, Room kind)
    {
        var total = Total(line, kind);
        if (total <= 0) return slack;
        var share = MathF.Min(1, slack / total);
        for (var i = line.Start; i + 1 < line.End; i++) extra[i - line.Start] += RoomAfter(i, kind) * share;
        return slack - total * share;
    }

    private float Total(Line line, Room kind)
    {
        var total = 0f;
        for (var i = line.Start; i + 1 < line.End; i++) total += RoomAfter(i, kind);
        return total;
    }

    private float RoomAfter(int i, Room kind) => kind switch
    {
        Room.Squeezed => _units[i].Squeezed,
        _ => _units[i].GapAfter > 0 || _units[i].IsSpace ? _style.Size / 4 : 0,
    };

    /// <summary>Buffers for drawing, reused from line to line (a book draws some hundred thousand runs).</summary>
    private sealed class Scratch
    {
        private float[] _positions = new float[128];
        private float[] _extra = new float[128];
        public ushort[] Glyphs = new ushort[128];
        public Point[] Points = new Point[128];
        public uint[] Clusters = new uint[128];
        public byte[] Utf8 = new byte[512];

        public float[] Positions(int count) => _positions.Length >= count ? _positions : _positions = new float[count * 2];

        public float[] Extra(int count) => _extra.Length >= count ? _extra : _extra = new float[count * 2];

        private int[] _order = new int[128];

        public int[] Order(int count) => _order.Length >= count ? _order : _order = new int[count * 2];

        public void Ensure(int glyphs, int bytes)
        {
            if (Glyphs.Length < glyphs) (Glyphs, Points, Clusters) = (new ushort[glyphs * 2], new Point[glyphs * 2], new uint[glyphs * 2]);
            if (Utf8.Length < bytes) Utf8 = new byte[bytes * 2];
        }
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    private static bool SameRun(Unit a, Unit b) => a.Face == b.Face && a.Link == b.Link;

    /// <summary>Draws the units <paramref name="run"/> (unit indexes, left to right) of one face and link as one positioned run.</summary>
    private void DrawRun(IPageCanvas canvas, ReadOnlySpan<int> run, float[] positions, int lineStart, float baseline, Scratch scratch)
    {
        var face = _units[run[0]].Face;
        var scale = Scale(face);
        int glyphCount = 0, byteCount = 0;
        foreach (var i in run)
        {
            glyphCount += _units[i].Shaped.Glyphs.Length;
            byteCount += Encoding.UTF8.GetByteCount(_units[i].Text);
        }
        scratch.Ensure(glyphCount, byteCount);
        var (glyphs, points, clusters, text) = (scratch.Glyphs, scratch.Points, scratch.Clusters, scratch.Utf8);
        int n = 0, utf8 = 0;
        foreach (var i in run)
        {
            var unit = _units[i];
            var shaped = unit.Shaped;
            var x = positions[i - lineStart];
            for (var g = 0; g < shaped.Glyphs.Length; g++)
            {
                glyphs[n] = shaped.Glyphs[g];
                points[n] = new Point(x + shaped.Offsets[g] * scale, baseline);
                var cluster = Math.Min(shaped.Clusters[g], unit.Text.Length);
                clusters[n] = (uint)(utf8 + (cluster == 0 ? 0 : Encoding.UTF8.GetByteCount(unit.Text.AsSpan(0, cluster))));
                x += shaped.Advances[g] * scale;
                n++;
            }
            utf8 += Encoding.UTF8.GetBytes(unit.Text, text.AsSpan(utf8));
        }
        var first = _units[run[0]];
        var color = first.Link is not null && _style.LinkColor is { } link ? link : _style.Color;
        canvas.DrawText(new GlyphRun(face.Drawn, _style.Size, color, glyphs.AsSpan(0, n), points.AsSpan(0, n), text.AsSpan(0, utf8), clusters.AsSpan(0, n)));
        if (first.Link is { } url)
        {
            var right = positions[run[^1] - lineStart] + _units[run[^1]].Width;
            canvas.LinkUrl(new Rect(positions[run[0] - lineStart], baseline - _style.Size, right, baseline + _style.Size * 0.25f), url);
        }
    }
}
