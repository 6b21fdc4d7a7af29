using System.Text;

namespace EbookBuilder.Pdf.Typesetting;

/// <summary>
/// Text spans as units, shaped: single Chinese characters (and marks), Latin words, spaces and
/// forced breaks, each in the first face of the chain that has it; widths at the style's size.
/// </summary>
internal sealed class UnitBuilder
{
    private readonly List<TextUnit> _units = [];
    private readonly TextStyle _style;

    private UnitBuilder(TextStyle style) => _style = style;

    /// <summary>The units of <paramref name="spans"/> set in <paramref name="style"/>.</summary>
    public static List<TextUnit> Build(IReadOnlyList<TextSpan> spans, TextStyle style, FontSet fonts)
    {
        var builder = new UnitBuilder(style);
        builder.BuildUnits(spans, fonts);
        return builder._units;
    }

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
                _units.Add(new TextUnit { Text = "", Face = face, Shaped = fonts.Shape(face, " "), IsBreak = true });
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
                    _units.Add(new TextUnit { Text = " ", Face = face, Shaped = fonts.Shape(face, " "), IsSpace = true, Bold = bold, Link = span.Link });
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
                        _units[^1] = new TextUnit { Text = before.Text + mark, Face = before.Face, Shaped = fonts.Shape(before.Face, before.Text + mark), Bold = before.Bold, Link = before.Link };
                    else if (fonts.For(rune.Value, bold) is var face && face.Codepoints.Contains(rune.Value))
                        Add(mark, face, span, bold, fonts);
                    continue;
                }
                if (CharClass.IsWide(rune.Value))
                {
                    FlushWord(word, span, bold, fonts, wideNext: true);
                    Add(fonts.Text(rune), fonts.For(rune.Value, bold), span, bold, fonts);
                    continue;
                }
                word.Append(rune);
            }
            FlushWord(word, span, bold, fonts);
        }
        DropBreaksBeforeClosingMarks();
        foreach (var unit in _units)
        {
            unit.Width = unit.Shaped.Width * Scale(unit.Face);
            if (unit.Text.Length > 0)
            {
                unit.First = char.ConvertToUtf32(unit.Text, 0);
                unit.Last = LastBase(unit.Text);
            }
        }
        CentreMiddleDots();
        BoxQuotationMarks();
    }

    /// <summary>
    /// Sets the one-glyph unit <paramref name="unit"/> in a full em, its glyph <paramref name="at"/>
    /// (0 left, 0.5 centred, 1 right) of the blank. The glyph keeps its own advance: only the unit's
    /// width and the glyph's shift in it change, so the PDF's widths and the drawing agree.
    /// </summary>
    private void Box(TextUnit unit, float at)
    {
        var em = _style.Size;
        unit.Shift = (em - unit.Width) * at;
        unit.Width = em;
    }

    /// <summary>
    /// The Latin word gathered so far, as one unit in one face if that face has all of it; else
    /// letter by letter. (A method, not a closure: as a local function it cost an allocation for
    /// every character of the book.)
    /// </summary>
    private void FlushWord(StringBuilder word, TextSpan span, bool bold, FontSet fonts, bool wideNext = false)
    {
        if (word.Length == 0) return;
        if (word.Length > LongWord)
        {
            FlushLongWord(word, span, bold, fonts);
            return;
        }
        var text = word.ToString();
        word.Clear();
        // A quotation mark between Chinese and a Latin word or number (说“2016年”，) is the Chinese
        // sentence's mark: a unit of its own, set full-width (BoxQuotationMarks), not part of the word.
        var start = text.Length > 1 && IsQuotationMark(text[0], out var opening) && opening && _units.Count > 0 && IsWideText(_units[^1].Text, last: true) ? 1 : 0;
        var end = wideNext && text.Length - start > 1 && IsQuotationMark(text[^1], out opening) && !opening ? text.Length - 1 : text.Length;
        if (start > 0) AddWord(text[..start], span, bold, fonts);
        AddWord(start == 0 && end == text.Length ? text : text[start..end], span, bold, fonts);
        if (end < text.Length) AddWord(text[end..], span, bold, fonts);
    }

    private void AddWord(string text, TextSpan span, bool bold, FontSet fonts)
    {
        var face = fonts.For(char.ConvertToUtf32(text, 0), bold);
        var whole = true;
        foreach (var rune in text.EnumerateRunes()) whole &= face.Codepoints.Contains(rune.Value);
        if (whole) Add(text, face, span, bold, fonts);
        else foreach (var rune in text.EnumerateRunes()) Add(fonts.Text(rune), fonts.For(rune.Value, bold), span, bold, fonts);
    }

    /// <summary>The last character of <paramref name="text"/> that is not a combining mark (kinsoku and spacing look at it).</summary>
    internal static int LastBase(string text)
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
            Box(unit, 0.5f);
        }
    }

    /// <summary>
    /// Quotation marks in Chinese text are full-width marks (clreq, GB/T 15834): the glyph at the
    /// inner side of an em box, the opening mark's blank before it and the closing mark's after it,
    /// so that they take part in punctuation compression like 「」. Fonts that draw “ ” ‘ ’
    /// proportional (the bundled one: 0.35 em, no full-width alternative) set them cramped against
    /// the characters otherwise. A mark is Chinese when the first unit past the quotation marks on
    /// either side is a Chinese character or mark; inside Latin text it stays proportional.
    /// </summary>
    private void BoxQuotationMarks()
    {
        for (var i = 0; i < _units.Count; i++)
        {
            var unit = _units[i];
            if (unit.Text.Length != 1 || unit.Shaped.Glyphs.Length != 1 || !IsQuotationMark(unit.Text[0], out var opening)) continue;
            if (unit.Width >= 0.9f * _style.Size) continue; // the face draws it full-width already
            int before = i - 1, after = i + 1;
            while (before >= 0 && IsQuotationUnit(_units[before])) before--;
            while (after < _units.Count && IsQuotationUnit(_units[after])) after++;
            if (!(before >= 0 && IsWideText(_units[before].Text, last: true)) && !(after < _units.Count && IsWideText(_units[after].Text, last: false))) continue;
            Box(unit, opening ? 1 : 0);
        }
    }

    private static bool IsQuotationUnit(TextUnit unit) => unit.Text.Length == 1 && IsQuotationMark(unit.Text[0], out _);

    private static bool IsQuotationMark(char c, out bool opening)
    {
        opening = c is '\u201C' or '\u2018';
        return opening || c is '\u201D' or '\u2019';
    }

    private static bool IsWideText(string text, bool last) =>
        text.Length > 0 && CharClass.IsWide(last ? LastBase(text) : char.ConvertToUtf32(text, 0));

    /// <summary>A word longer than this (a base64 line, a URL of thousands of characters) is set in pieces.</summary>
    private const int LongWord = 512;

    /// <summary>
    /// A word longer than <see cref="LongWord"/> as units of <see cref="LongWord"/>/2 characters
    /// with no break between them: a line takes what fits of a piece (<see cref="LineBreaker"/>
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

    internal static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark
        or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    private void Add(string text, FontSet.Face face, TextSpan span, bool bold, FontSet fonts) =>
        _units.Add(new TextUnit { Text = text, Face = face, Shaped = fonts.Shape(face, text), Bold = bold, Link = span.Link });
}
