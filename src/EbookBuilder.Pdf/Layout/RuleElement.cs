using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Layout;

/// <summary>A horizontal rule with space around it.</summary>
internal sealed class RuleElement(Color color, float space, float widthRatio = 0.4f) : Element
{
    /// <summary>A rule ends what is above it: it goes to the next page with the last lines, never alone.</summary>
    public override bool KeepWithPrevious => true;

    public override bool LeftOutAtPageTop => true;

    public override Plan Measure(float width, float height) => 2 * space <= height ? new Plan(PlanKind.Full, 2 * space) : Plan.Wrap("no room");

    public override float Draw(IPageCanvas canvas, float x, float y, float width, float height)
    {
        var w = width * widthRatio;
        canvas.DrawLine(new Point(x + (width - w) / 2, y + space), new Point(x + (width + w) / 2, y + space), color, 0.5f);
        return 2 * space;
    }

    public override string Description => "rule";
}
