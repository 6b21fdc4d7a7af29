using EbookBuilder.Pdf.Drawing;
using EbookBuilder.Pdf.Typesetting;

namespace EbookBuilder.Pdf.Layout;

/// <summary>
/// A paragraph, heading, caption or meta line. Splits across pages line by line, keeping at least
/// two lines at the bottom of a page and two at the top of the next (orphans and widows).
/// </summary>
internal sealed class TextElement(ITextBlock layout, float spaceBefore, float spaceAfter, float inset, string description, bool keepWithNext = false,
    bool keepWithPrevious = false)
    : Element
{
    private const int MinLines = 2;
    private int _next; // paging state: the first line not yet drawn

    public ITextBlock Layout => layout;

    internal override int Progress { get => _next; set => _next = value; }

    public override bool KeepWithNext => keepWithNext;

    public override bool KeepWithPrevious => keepWithPrevious;

    /// <summary>The same paragraph, kept with the one before it (see <see cref="Element.KeepWithPrevious"/>).</summary>
    public TextElement KeepingWithPrevious() => new(layout, spaceBefore, spaceAfter, inset, description, keepWithNext, keepWithPrevious: true);

    /// <summary>The height of what is left of the paragraph but its last <paramref name="lines"/> lines.</summary>
    public override float? HeightLeaving(int lines) => Before + (layout.LineCount - _next - lines) * layout.LineHeight + 0.005f;

    public override string Description => description;

    public override string? TextContent => layout.Text;

    private float Before => _next == 0 ? spaceBefore : 0;

    public override Plan Measure(float width, float height)
    {
        var remaining = layout.LineCount - _next;
        if (remaining == 0) return new Plan(PlanKind.Full, 0);
        var lineHeight = layout.LineHeight;
        var fit = (int)Math.Min(int.MaxValue / 2, Math.Floor((height - Before + 0.01f) / lineHeight));
        if (fit >= remaining)
        {
            // The space after may fall off the page's end; the lines may not.
            return new Plan(PlanKind.Full, Math.Min(Before + remaining * lineHeight + spaceAfter, height));
        }
        if (remaining <= MinLines || fit < MinLines) return Plan.Wrap(fit <= 0 ? "no room for a line" : "fewer than two lines would stay on the page");
        if (remaining - fit < MinLines) fit = remaining - MinLines; // leave two lines for the next page
        if (fit < MinLines) return Plan.Wrap("a widow or orphan line would result");
        return new Plan(PlanKind.Partial, Before + fit * lineHeight);
    }

    /// <summary>
    /// The least that may stand at a page's bottom: two lines, or all of a paragraph too short to
    /// leave two on each page (three lines go together).
    /// </summary>
    public override float MinimumHeight(float width)
    {
        var remaining = layout.LineCount - _next;
        return Before + (remaining < 2 * MinLines ? remaining : MinLines) * layout.LineHeight;
    }

    internal override float Advance(float width, float height)
    {
        var plan = Measure(width, height);
        if (plan.Kind == PlanKind.Wrap) return 0;
        _next += Lines(plan);
        return plan.Height;
    }

    /// <summary>How many lines a plan that is not a wrap draws.</summary>
    private int Lines(Plan plan) => plan.Kind == PlanKind.Full ? layout.LineCount - _next : (int)Math.Round((plan.Height - Before) / layout.LineHeight);

    public override float Draw(IPageCanvas canvas, float x, float y, float width, float height)
    {
        var plan = Measure(width, height);
        if (plan.Kind == PlanKind.Wrap) return 0;
        var top = y + Before;
        var lineHeight = layout.LineHeight;
        var count = Lines(plan);
        var ascent = layout.Ascent;
        for (var i = 0; i < count; i++) layout.DrawLine(canvas, _next + i, x + inset, top + i * lineHeight + ascent);
        _next += count;
        return plan.Height;
    }
}
