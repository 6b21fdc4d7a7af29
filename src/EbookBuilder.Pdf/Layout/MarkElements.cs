using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Layout;

/// <summary>Starts a new page (chapters); the page it starts is an opening page (no running header or number).</summary>
internal sealed class PageBreakElement(string? chapterTitle) : Element
{
    public override PageStart? StartsPage { get; } = new(chapterTitle);

    public override Plan Measure(float width, float height) => new(PlanKind.Full, 0);

    public override float Draw(IPageCanvas canvas, float x, float y, float width, float height) => 0;

    public override string Description => "page break";
}

/// <summary>A named place (chapter, article) that links and the outline point at.</summary>
internal sealed class DestinationElement(string name, string title, int level) : Element
{
    public string Name => name;

    public override string? Marks => name;

    public string Title => title;

    public int Level => level;

    public override bool KeepWithNext => true;

    public override float MinimumHeight(float width) => 0;

    public override Plan Measure(float width, float height) => new(PlanKind.Full, 0);

    public override float Draw(IPageCanvas canvas, float x, float y, float width, float height)
    {
        canvas.Destination(name, new Point(x, y));
        return 0;
    }

    public override string Description => $"destination {name}";
}

/// <summary>A horizontal rule with space around it.</summary>
internal sealed class RuleElement(Color color, float space, float widthRatio = 0.4f) : Element
{
    public override Plan Measure(float width, float height) => 2 * space <= height ? new Plan(PlanKind.Full, 2 * space) : Plan.Wrap("no room");

    public override float Draw(IPageCanvas canvas, float x, float y, float width, float height)
    {
        var w = width * widthRatio;
        canvas.DrawLine(new Point(x + (width - w) / 2, y + space), new Point(x + (width + w) / 2, y + space), color, 0.5f);
        return 2 * space;
    }

    public override string Description => "rule";
}

/// <summary>Vertical space.</summary>
internal sealed class SpaceElement(float height) : Element
{
    public override Plan Measure(float width, float available) => new(PlanKind.Full, Math.Min(height, available));

    public override float Draw(IPageCanvas canvas, float x, float y, float width, float available) => Math.Min(height, available);

    public override string Description => "space";
}
