using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Layout;

/// <summary>Vertical space.</summary>
internal sealed class SpaceElement(float height) : Element
{
    public override Plan Measure(float width, float available) => new(PlanKind.Full, Math.Min(height, available));

    public override float Draw(IPageCanvas canvas, float x, float y, float width, float available) => Math.Min(height, available);

    public override string Description => "space";
}
