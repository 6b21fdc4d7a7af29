using System.Globalization;
using EbookBuilder.Pdf.Drawing;
using EbookBuilder.Pdf.Layout;
using EbookBuilder.Pdf.Typesetting;

namespace EbookBuilder.Pdf;

/// <summary>Running header (chapter or book title) and page number, on every page but the cover and opening pages; centred, or at the outer corner of a book bound on the right.</summary>
internal sealed class PageDecoration(FontSet fonts, PdfTheme theme, PageGeometry geometry)
{
    private readonly Color _meta = Color.Parse(theme.MetaColor);
    private readonly Color _rule = Color.Parse(theme.RuleColor);

    public void Draw(IPageCanvas canvas, PageInfo page)
    {
        if (page.Number == 1 || page.IsOpening) return;
        var size = theme.HeaderFooterSize;
        // A book bound on the right (vertical) has its running head and folio at the outer corner,
        // where a thumb finds them: the left of an odd page, the right of an even one.
        var align = !geometry.BoundRight ? TextAlign.Center : page.Number % 2 == 1 ? TextAlign.Left : TextAlign.Right;
        var style = new TextStyle(size, _meta, 1.2f, 0, align);
        var left = geometry.Left(page.Number);
        var width = geometry.ContentWidth;
        if (!string.IsNullOrEmpty(page.RunningTitle))
        {
            var header = new TextLayout([new TextSpan(page.RunningTitle)], style, width, fonts);
            var baseline = geometry.Top * 0.55f;
            header.DrawLine(canvas, 0, left, baseline);
            canvas.DrawLine(new Point(left, baseline + size * 0.5f), new Point(left + width, baseline + size * 0.5f), _rule, 0.3f);
        }
        var number = new TextLayout([new TextSpan(page.Number.ToString(CultureInfo.InvariantCulture))], style, width, fonts);
        number.DrawLine(canvas, 0, left, geometry.Height - geometry.Bottom * 0.45f);
    }
}
