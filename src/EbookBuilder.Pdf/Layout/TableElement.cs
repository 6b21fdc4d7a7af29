using EbookBuilder.Pdf.Typesetting;
using SkiaSharp;

namespace EbookBuilder.Pdf.Layout;

/// <summary>
/// A simple table: a grid of cells, columns as wide as their content asks within the measure,
/// borders drawn; rows are never split, a table may continue on the next page between rows.
/// </summary>
internal sealed class TableElement : Element
{
    private readonly IReadOnlyList<IReadOnlyList<TextLayout>> _rows;
    private readonly float[] _columns;
    private readonly float _padding;
    private readonly SKColor _rule;
    private readonly string _description;
    private int _nextRow;

    // cells: rows of cell spans (header cells bold); layout: sets a cell's spans at a width.
    public TableElement(IReadOnlyList<IReadOnlyList<IReadOnlyList<TextSpan>>> cells, Func<IReadOnlyList<TextSpan>, float, TextLayout> layout,
        float width, float padding, SKColor rule, string description)
    {
        _padding = padding;
        _rule = rule;
        _description = description;
        var count = cells.Count == 0 ? 0 : cells.Max(r => r.Count);
        if (count == 0) throw new ArgumentException("a table needs at least one cell", nameof(cells));
        // Natural width of each column: its widest cell set on one line, at least a fair share's half.
        var natural = new float[count];
        foreach (var row in cells)
        {
            for (var c = 0; c < row.Count; c++)
                natural[c] = Math.Max(natural[c], Widest(layout(row[c], 10_000)) + 2 * padding);
        }
        // Empty columns (every cell blank) take the padding only; a table of nothing but blanks shares the width.
        var total = natural.Sum();
        if (total <= 0) { Array.Fill(natural, 1); total = count; }
        _columns = natural.Select(n => total <= width ? n * width / total : Math.Max(width / count / 2, n * width / total)).ToArray();
        var scale = width / _columns.Sum();
        for (var c = 0; c < count; c++) _columns[c] *= scale;
        _rows = cells.Select(row => (IReadOnlyList<TextLayout>)Enumerable.Range(0, count)
            .Select(c => layout(c < row.Count ? row[c] : [], _columns[c] - 2 * padding)).ToList()).ToList();
    }

    public override string Description => _description;

    public override string? TextContent => string.Join("\n", _rows.Select(row => string.Join("\t", row.Select(cell => cell.Text))));

    /// <summary>A cell's widest line; 0 for a cell with no text (blank, a line break, only an image).</summary>
    private static float Widest(TextLayout cell)
    {
        var widest = 0f;
        for (var i = 0; i < cell.Lines.Count; i++) widest = Math.Max(widest, cell.LineWidth(i));
        return widest;
    }

    private float RowHeight(int row) => _rows[row].Max(cell => Math.Max(1, cell.Lines.Count) * cell.LineHeight) + 2 * _padding;

    public override Plan Measure(float width, float height)
    {
        var used = 0f;
        var rows = 0;
        for (var r = _nextRow; r < _rows.Count; r++)
        {
            if (used + RowHeight(r) > height + 0.01f) break;
            used += RowHeight(r);
            rows++;
        }
        if (_nextRow + rows == _rows.Count) return new Plan(PlanKind.Full, Math.Min(used + _padding * 2, height));
        return rows == 0 ? Plan.Wrap("a table row is taller than the space left") : new Plan(PlanKind.Partial, used);
    }

    public override float Draw(IPageCanvas canvas, float x, float y, float width, float height)
    {
        var plan = Measure(width, height);
        if (plan.Kind == PlanKind.Wrap) return 0;
        var top = y;
        for (var r = _nextRow; r < _rows.Count; r++)
        {
            var rowHeight = RowHeight(r);
            if (top - y + rowHeight > height + 0.01f) break;
            var left = x;
            for (var c = 0; c < _columns.Length; c++)
            {
                var cell = _rows[r][c];
                var ascent = cell.Style.Size * 0.88f + (cell.LineHeight - cell.Style.Size) / 2;
                for (var i = 0; i < cell.Lines.Count; i++) cell.DrawLine(canvas, i, left + _padding, top + _padding + i * cell.LineHeight + ascent);
                canvas.DrawLine(new SKPoint(left, top), new SKPoint(left, top + rowHeight), _rule, 0.4f);
                left += _columns[c];
            }
            canvas.DrawLine(new SKPoint(left, top), new SKPoint(left, top + rowHeight), _rule, 0.4f);
            canvas.DrawLine(new SKPoint(x, top), new SKPoint(left, top), _rule, 0.4f);
            canvas.DrawLine(new SKPoint(x, top + rowHeight), new SKPoint(left, top + rowHeight), _rule, 0.4f);
            top += rowHeight;
            _nextRow = r + 1;
        }
        return plan.Height;
    }
}
