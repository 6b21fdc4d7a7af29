using System.Text.RegularExpressions;
using EbookBuilder.Pdf.Drawing;
using EbookBuilder.Pdf.Typesetting;

namespace EbookBuilder.Pdf.Layout;

/// <summary>
/// A table: a grid of cells, which may span columns and rows (colspan, rowspan), borders drawn.
/// Columns are sized as a browser's automatic table layout sizes them: each at least as wide as
/// the longest number, date or Latin word in it (so "1,253" never breaks as "1,2|53" unless the
/// table cannot be that wide) and as half a fair share (or its text, when shorter), the rest of the
/// measure shared by how much more each column's text asks for. Rows are never split; a table continues on the next page between rows, but never inside
/// rows that a cell spans.
/// </summary>
internal sealed partial class TableElement : Element
{
    /// <summary>A cell as the builder gives it: its spans (header cells bold), and how many columns and rows it covers.</summary>
    public sealed record Cell(IReadOnlyList<TextSpan> Spans, int ColSpan = 1, int RowSpan = 1);

    /// <summary>A cell placed on the grid: its first row and column, and its text set at its width.</summary>
    private sealed record Placed(int Row, int Column, int Columns, int Rows, ITextBlock Layout, IReadOnlyList<TextSpan> Spans);

    private readonly List<Placed> _cells = [];
    private readonly float[] _columns;
    private readonly float[] _rowHeights;
    private readonly int[] _bandEnds; // for each row, the last row of the band it belongs to (rows a spanning cell joins)
    private readonly float _padding;
    private readonly Color _rule;
    private readonly string _description;
    private int _nextRow;

    internal override int Progress { get => _nextRow; set => _nextRow = value; }

    /// <summary>A table of cells that span one column and one row each.</summary>
    public TableElement(IReadOnlyList<IReadOnlyList<IReadOnlyList<TextSpan>>> cells, Func<IReadOnlyList<TextSpan>, float, ITextBlock> layout,
        float width, float padding, Color rule, string description)
        : this(cells.Select(r => (IReadOnlyList<Cell>)r.Select(c => new Cell(c)).ToList()).ToList(), layout, width, padding, rule, description)
    {
    }

    public TableElement(IReadOnlyList<IReadOnlyList<Cell>> rows, Func<IReadOnlyList<TextSpan>, float, ITextBlock> layout,
        float width, float padding, Color rule, string description)
    {
        _padding = padding;
        _rule = rule;
        _description = description;

        // Place the cells: each takes the first free slot of its row, after the slots cells above still cover.
        var grid = new List<bool[]>();
        var placed = new List<(int Row, int Column, int Columns, int Rows, Cell Cell)>();
        var columnCount = 0;
        bool Taken(int r, int c) => r < grid.Count && c < grid[r].Length && grid[r][c];
        for (var r = 0; r < rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in rows[r])
            {
                while (Taken(r, c)) c++;
                var columns = Math.Clamp(cell.ColSpan, 1, 1000);
                var spanned = Math.Clamp(cell.RowSpan, 1, rows.Count - r); // a rowspan past the last row ends there
                for (var rr = r; rr < r + spanned; rr++)
                {
                    while (grid.Count <= rr) grid.Add([]);
                    if (grid[rr].Length < c + columns) { var wider = new bool[c + columns]; grid[rr].CopyTo(wider, 0); grid[rr] = wider; }
                    for (var cc = c; cc < c + columns; cc++) grid[rr][cc] = true;
                }
                placed.Add((r, c, columns, spanned, cell));
                columnCount = Math.Max(columnCount, c + columns);
                c += columns;
            }
        }
        if (columnCount == 0) throw new ArgumentException("a table needs at least one cell", nameof(rows));
        var rowCount = Math.Max(rows.Count, grid.Count);

        // Column widths: the least each column may be (its longest unbreakable token) and what its text asks for on one line.
        var least = new float[columnCount];
        var natural = new float[columnCount];
        foreach (var (_, column, columns, _, cell) in placed.OrderBy(p => p.Columns))
        {
            var one = layout(cell.Spans, 10_000);
            var ask = Widest(one) + 2 * padding;
            var min = LongestToken(cell.Spans, layout) + 2 * padding;
            Widen(least, column, columns, min);
            Widen(natural, column, columns, Math.Max(ask, min));
        }
        // And no column narrower than half a fair share, unless its text is narrower: a short
        // Chinese heading (地区) is not set a character a line beside a long column.
        for (var c = 0; c < columnCount; c++) least[c] = Math.Max(least[c], Math.Min(natural[c], width / columnCount / 2));
        _columns = Share(least, natural, width);
        AsksFor = natural.Sum();

        foreach (var (row, column, columns, spanned, cell) in placed)
        {
            var cellWidth = _columns.Skip(column).Take(columns).Sum() - 2 * padding;
            _cells.Add(new Placed(row, column, columns, spanned, layout(cell.Spans, Math.Max(1, cellWidth)), cell.Spans));
        }

        // Row heights: single-row cells first; a cell spanning rows gives what it lacks to its last row.
        _rowHeights = new float[rowCount];
        for (var r = 0; r < rowCount; r++) _rowHeights[r] = 2 * padding;
        foreach (var cell in _cells.Where(c => c.Rows == 1)) _rowHeights[cell.Row] = Math.Max(_rowHeights[cell.Row], CellHeight(cell));
        foreach (var cell in _cells.Where(c => c.Rows > 1))
        {
            var have = _rowHeights.Skip(cell.Row).Take(cell.Rows).Sum();
            var need = CellHeight(cell);
            if (need > have) _rowHeights[cell.Row + cell.Rows - 1] += need - have;
        }

        // Bands: rows a spanning cell joins stay on one page.
        _bandEnds = new int[rowCount];
        int bandStart = 0, bandEnd = -1;
        for (var r = 0; r <= rowCount; r++)
        {
            if (r == rowCount || r > bandEnd)
            {
                for (var rr = bandStart; rr <= bandEnd; rr++) _bandEnds[rr] = bandEnd;
                if (r == rowCount) break;
                (bandStart, bandEnd) = (r, r);
            }
            foreach (var cell in _cells.Where(c => c.Row == r)) bandEnd = Math.Max(bandEnd, cell.Row + cell.Rows - 1);
        }
    }

    public override string Description => _description;

    /// <summary>The width the table's text asks for: every column as wide as its longest line set alone.</summary>
    public float AsksFor { get; }

    public override string? TextContent => string.Join("\n", _cells.GroupBy(c => c.Row).OrderBy(g => g.Key)
        .Select(row => string.Join("\t", row.OrderBy(c => c.Column).Select(c => c.Layout.Text))));

    /// <summary>Makes the columns <paramref name="column"/>..+<paramref name="columns"/> together at least <paramref name="size"/>, the lack shared equally.</summary>
    private static void Widen(float[] sizes, int column, int columns, float size)
    {
        var have = 0f;
        for (var c = column; c < column + columns; c++) have += sizes[c];
        if (have >= size) return;
        for (var c = column; c < column + columns; c++) sizes[c] += (size - have) / columns;
    }

    /// <summary>
    /// The widths of the columns in <paramref name="width"/>: all of them as their text asks and
    /// the room left shared by that, when it fits; else each its least and the rest shared by how
    /// much more each asks; a table whose least is wider than the measure is scaled to it (a token
    /// then breaks: the cell is narrower than the token). Blank columns take their padding.
    /// </summary>
    private static float[] Share(float[] least, float[] natural, float width)
    {
        var count = least.Length;
        var total = natural.Sum();
        if (total <= 0) return Enumerable.Repeat(width / count, count).ToArray();
        if (total <= width) return natural.Select(n => n * width / total).ToArray();
        var floor = least.Sum();
        if (floor >= width) return least.Select(l => floor <= 0 ? width / count : l * width / floor).ToArray();
        var extra = total - floor;
        return Enumerable.Range(0, count).Select(c => least[c] + (natural[c] - least[c]) * (width - floor) / extra).ToArray();
    }

    /// <summary>A run of Latin letters, digits and what holds numbers and dates together (1,253.5 / 2020-10-09 / 45% / COVID-19).</summary>
    [GeneratedRegex(@"[\p{IsBasicLatin}\p{IsLatin-1Supplement}-[\s]]+")]
    private static partial Regex Token();

    /// <summary>The width of the longest token of a cell set alone on a line (0 for a cell of Chinese text only, which breaks anywhere).</summary>
    private static float LongestToken(IReadOnlyList<TextSpan> spans, Func<IReadOnlyList<TextSpan>, float, ITextBlock> layout)
    {
        var longest = 0f;
        foreach (var span in spans)
        {
            if (span.Text is null) continue;
            foreach (Match token in Token().Matches(span.Text))
            {
                if (token.Length < 2 || token.Length > 40) continue; // one character breaks nothing; a URL may break
                longest = Math.Max(longest, Widest(layout([span with { Text = token.Value }], 10_000)));
            }
        }
        return longest;
    }

    /// <summary>A cell's widest line; 0 for a cell with no text (blank, a line break, only an image).</summary>
    private static float Widest(ITextBlock cell)
    {
        var widest = 0f;
        for (var i = 0; i < cell.LineCount; i++) widest = Math.Max(widest, cell.LineWidth(i));
        return widest;
    }

    private float CellHeight(Placed cell) => Math.Max(1, cell.Layout.LineCount) * cell.Layout.LineHeight + 2 * _padding;

    /// <summary>How many rows from <see cref="_nextRow"/> fit in <paramref name="height"/>, whole bands only, and their height.</summary>
    private (int Rows, float Used) Fit(float height)
    {
        var used = 0f;
        var r = _nextRow;
        while (r < _rowHeights.Length)
        {
            var end = _bandEnds[r];
            var band = _rowHeights.Skip(r).Take(end - r + 1).Sum();
            if (used + band > height + 0.01f) break;
            used += band;
            r = end + 1;
        }
        return (r - _nextRow, used);
    }

    public override Plan Measure(float width, float height)
    {
        var (rows, used) = Fit(height);
        if (_nextRow + rows == _rowHeights.Length) return new Plan(PlanKind.Full, Math.Min(used + _padding * 2, height));
        return rows == 0 ? Plan.Wrap("a table row is taller than the space left") : new Plan(PlanKind.Partial, used);
    }

    public override float Draw(IPageCanvas canvas, float x, float y, float width, float height)
    {
        var plan = Measure(width, height);
        if (plan.Kind == PlanKind.Wrap) return 0;
        var (rows, _) = Fit(height);
        var first = _nextRow;
        var last = first + rows - 1;
        var tops = new float[rows + 1];
        for (var r = 0; r < rows; r++) tops[r + 1] = tops[r] + _rowHeights[first + r];
        foreach (var cell in _cells.Where(c => c.Row >= first && c.Row <= last))
        {
            var left = x + _columns.Take(cell.Column).Sum();
            var right = left + _columns.Skip(cell.Column).Take(cell.Columns).Sum();
            var top = y + tops[cell.Row - first];
            var bottom = y + tops[Math.Min(cell.Row + cell.Rows - first, rows)];
            var layout = cell.Layout;
            var ascent = layout.Ascent;
            for (var i = 0; i < layout.LineCount; i++) layout.DrawLine(canvas, i, left + _padding, top + _padding + i * layout.LineHeight + ascent);
            canvas.DrawLine(new Point(left, top), new Point(right, top), _rule, 0.4f);
            canvas.DrawLine(new Point(left, bottom), new Point(right, bottom), _rule, 0.4f);
            canvas.DrawLine(new Point(left, top), new Point(left, bottom), _rule, 0.4f);
            canvas.DrawLine(new Point(right, top), new Point(right, bottom), _rule, 0.4f);
        }
        // Slots no cell covers (a row shorter than the others) still get their frame.
        var right0 = x + _columns.Sum();
        canvas.DrawLine(new Point(x, y), new Point(right0, y), _rule, 0.4f);
        canvas.DrawLine(new Point(x, y + tops[rows]), new Point(right0, y + tops[rows]), _rule, 0.4f);
        canvas.DrawLine(new Point(x, y), new Point(x, y + tops[rows]), _rule, 0.4f);
        canvas.DrawLine(new Point(right0, y), new Point(right0, y + tops[rows]), _rule, 0.4f);
        _nextRow = last + 1;
        return plan.Height;
    }
}
