using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Layout;

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
