using EbookBuilder.Pdf.Drawing;
using EbookBuilder.Pdf.Typesetting;

namespace EbookBuilder.Pdf.Layout;

/// <summary>A typeset title page: the title a third of the way down, then the subtitle (dates) and the chapter names, centred.</summary>
internal sealed class CoverElement(IReadOnlyList<(ITextBlock Layout, float SpaceBefore)> blocks, float pageContentHeight, Color rule) : Element
{
    public override string Description => "cover";

    public override Plan Measure(float width, float height) => new(PlanKind.Full, Math.Min(height, pageContentHeight));

    public override float Draw(IPageCanvas canvas, float x, float y, float width, float height)
    {
        var top = y + pageContentHeight * 0.28f;
        var first = true;
        foreach (var (layout, spaceBefore) in blocks)
        {
            top += spaceBefore;
            var ascent = layout.Ascent;
            for (var i = 0; i < layout.LineCount; i++) layout.DrawLine(canvas, i, x, top + i * layout.LineHeight + ascent);
            top += layout.LineCount * layout.LineHeight;
            if (first)
            {
                canvas.DrawLine(new Point(x + width * 0.3f, top + 8), new Point(x + width * 0.7f, top + 8), rule, 0.8f);
                top += 16;
                first = false;
            }
        }
        return Math.Min(height, pageContentHeight);
    }
}
