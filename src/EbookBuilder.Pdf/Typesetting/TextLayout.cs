using System.Text;
using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Typesetting;

/// <summary>
/// A paragraph set into lines and drawn, its jobs in their own types: <see cref="UnitBuilder"/>
/// shapes the text into units, <see cref="Spacing"/> sets the space between them (marks share a
/// blank, a quarter em between Chinese and Latin), <see cref="LineBreaker"/> breaks lines (clreq
/// kinsoku), <see cref="Justification"/> places a justified line's slack (JLREQ); last lines are
/// not stretched. Drawing (here) makes each line a few positioned runs of one face and link.
/// </summary>
internal sealed class TextLayout : ITextBlock
{
    private readonly List<TextUnit> _units;
    private readonly List<TextLine> _lines;
    private readonly TextStyle _style;
    private readonly float _width;

    public TextLayout(IReadOnlyList<TextSpan> spans, TextStyle style, float width, FontSet fonts)
    {
        _style = style;
        _width = width;
        _units = UnitBuilder.Build(spans, style, fonts);
        Spacing.Adjust(_units, style.Size);
        _lines = LineBreaker.Break(_units, style, width);
        if (style.Balance && _lines.Count > 1 && style.Align != TextAlign.Justify) _lines = Balanced(_lines.Count);
        // A line the limits of justification cannot fill is set ragged, not spaced out.
        for (var i = 0; i < _lines.Count; i++)
        {
            if (Justification.Fills(_units, _lines[i], width, style.Size)) continue;
            _lines[i] = _lines[i] with { Justify = false };
            RaggedLines++;
        }
        _visual = BidiOrder.OfLines(_units.Select(u => u.IsBreak ? "\n" : u.Text).ToList(), _lines.Select(l => (l.Start, l.End)).ToList());
    }

    /// <summary>
    /// The lines broken in the narrowest measure that still gives <paramref name="count"/> lines
    /// (found by halving, to a tenth of an em): lines of about equal length, as CSS's
    /// text-wrap: balance sets them. Units are not split again for it.
    /// </summary>
    private List<TextLine> Balanced(int count)
    {
        float narrow = _width / count * 0.8f, wide = _width;
        var best = _lines;
        while (wide - narrow > _style.Size / 10)
        {
            var middle = (narrow + wide) / 2;
            var lines = LineBreaker.Break(_units, _style, middle, split: false);
            if (lines.Count <= count && lines.All(l => l.Natural <= middle + 0.01f)) (wide, best) = (middle, lines);
            else narrow = middle;
        }
        return best;
    }

    /// <summary>Per line, its units left to right, where that is not the order they were written in (right-to-left text); else null.</summary>
    private readonly int[]?[]? _visual;

    public IReadOnlyList<TextLine> Lines => _lines;

    public int LineCount => _lines.Count;

    /// <summary>Whether the last line holds one character alone (with its closing marks).</summary>
    public bool EndsAlone => _lines.Count >= 2 && LineBreaker.IsLone(_units, _lines[^1]);

    /// <summary>Justified lines with more than a quarter em between two characters (none, by <see cref="Justification"/>'s limits).</summary>
    public int LooseLines
    {
        get
        {
            var scratch = new float[_lines.Count == 0 ? 0 : _lines.Max(l => l.End - l.Start) + 1];
            return _lines.Count(line => Justification.WidestBetweenCharacters(_units, line, _width, _style.Size, scratch)
                > Justification.MostBetweenCharacters * _style.Size + 0.01f);
        }
    }

    /// <summary>Lines of a justified paragraph (not its last) that the limits of justification could not fill: set ragged.</summary>
    public int RaggedLines { get; }

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
        var scratch = t_scratch ??= new DrawScratch();
        var count = line.End - line.Start;
        var extra = scratch.Extra(count);
        Justification.Spread(_units, line, extra, _width, _style.Size);
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
            if (k < count && k > runStart && TextUnit.SameRun(_units[order[k - 1]], _units[order[k]])) continue;
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
        var scratch = t_scratch ??= new DrawScratch();
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

    [ThreadStatic]
    private static DrawScratch? t_scratch;

    /// <summary>
    /// The widest gap or overlap between two glyphs (in em) that text extraction is trusted to read
    /// as nothing: poppler starts a new word beyond a 0.1 em gap and then separates words by a space.
    /// </summary>
    private const float ReadAsSpace = 0.05f;

    /// <summary>Draws the units <paramref name="run"/> (unit indexes, left to right) of one face and link as one positioned run.</summary>
    private void DrawRun(IPageCanvas canvas, ReadOnlySpan<int> run, float[] positions, int lineStart, float baseline, DrawScratch scratch)
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
        var (glyphs, points, clusters, text, own) = (scratch.Glyphs, scratch.Points, scratch.Clusters, scratch.Utf8, scratch.OwnClusters);
        int n = 0, utf8 = 0;
        var end = float.NaN; // where the glyph before ends by its advance, which is all a reader knows of it
        for (var k = 0; k < run.Length; k++)
        {
            var unit = _units[run[k]];
            var shaped = unit.Shaped;
            var x = positions[run[k] - lineStart];
            // A reader of the PDF takes a gap between glyphs for a space (poppler: over a tenth of an
            // em) and an overlap for a new word or line, but these are spacing the typesetter added
            // (justification, the quarter em between Chinese and Latin, a mark in its full-width box,
            // two marks sharing a blank): the unit joins the cluster before it, which the PDF then
            // writes as one /ActualText span, read as its text with nothing added.
            var joins = k > 0 && run[k] > run[k - 1] && Math.Abs(x + (shaped.Offsets.Length > 0 ? shaped.Offsets[0] * scale : 0) - end) > ReadAsSpace * _style.Size;
            for (var g = 0; g < shaped.Glyphs.Length; g++)
            {
                glyphs[n] = shaped.Glyphs[g];
                points[n] = new Point(x + shaped.Offsets[g] * scale, baseline);
                var cluster = Math.Min(shaped.Clusters[g], unit.Text.Length);
                own[n] = (uint)(utf8 + (cluster == 0 ? 0 : Encoding.UTF8.GetByteCount(unit.Text.AsSpan(0, cluster))));
                clusters[n] = joins ? clusters[n - 1] : own[n];
                end = points[n].X + shaped.Advances[g] * scale;
                x += shaped.Advances[g] * scale;
                n++;
            }
            utf8 += Encoding.UTF8.GetBytes(unit.Text, text.AsSpan(utf8));
        }
        var first = _units[run[0]];
        var color = first.Link is not null && _style.LinkColor is { } link ? link : _style.Color;
        canvas.DrawText(new GlyphRun(face.Drawn, _style.Size, color, glyphs.AsSpan(0, n), points.AsSpan(0, n), text.AsSpan(0, utf8), clusters.AsSpan(0, n), own.AsSpan(0, n)));
        if (first.Link is { } url)
        {
            var right = positions[run[^1] - lineStart] + _units[run[^1]].Width;
            canvas.LinkUrl(new Rect(positions[run[0] - lineStart], baseline - _style.Size, right, baseline + _style.Size * 0.25f), url);
        }
    }
}
