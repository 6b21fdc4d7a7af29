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
