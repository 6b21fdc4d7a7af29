using EbookBuilder.Pdf.Drawing;
using EbookBuilder.Pdf.Typesetting;

namespace EbookBuilder.Pdf.Layout;

/// <summary>
/// An image scaled to the column (at most a part of the page height, never beyond its pixels at
/// the theme's dpi) with its caption under it; the two never part: the figure moves to the next page whole.
/// The caption is set at the width the figure is given (a column's, or the page's when it spans the columns).
/// </summary>
internal sealed class FigureElement(ImageHandle? image, float maxImageHeight, float dpi, ITextBlock? caption, float gap, string description) : Element
{
    /// <summary>
    /// A figure whose caption, set at <paramref name="captionWidth"/>, is set again by
    /// <paramref name="captionAt"/> when the figure is given another width.
    /// </summary>
    public FigureElement(ImageHandle? image, float maxImageHeight, float dpi, ITextBlock? caption, float captionWidth, Func<float, ITextBlock> captionAt, float gap, string description)
        : this(image, maxImageHeight, dpi, caption, gap, description)
    {
        _caption = caption is null ? null : (captionWidth, caption);
        _captionAt = captionAt;
    }

    private (float Width, ITextBlock Layout)? _caption;
    private readonly Func<float, ITextBlock>? _captionAt;

    /// <summary>The caption set at <paramref name="width"/> (the last width asked for is kept).</summary>
    private ITextBlock? Caption(float width)
    {
        if (_caption is not { } kept || _captionAt is null) return caption;
        if (kept.Width != width) _caption = kept = (width, _captionAt(width));
        return kept.Layout;
    }

    public override string Description => description;

    public override string? TextContent => caption?.Text;

    public override bool CanFloat => true;

    /// <summary>The image's pixels; none for a caption whose image is missing.</summary>
    private readonly Size _pixels = image?.Pixels ?? default;

    private (float Width, float Height) ImageSize(float width)
    {
        if (_pixels.Width <= 0 || _pixels.Height <= 0) return (0, 0);
        var w = Math.Min(width, _pixels.Width * 72f / dpi);
        var h = w * _pixels.Height / _pixels.Width;
        if (h > maxImageHeight)
        {
            h = maxImageHeight;
            w = h * _pixels.Width / _pixels.Height;
        }
        return (w, h);
    }

    private float Height(float width)
    {
        var (_, h) = ImageSize(width);
        var caption = Caption(width);
        var captionHeight = caption is null ? 0 : caption.LineCount * caption.LineHeight + gap / 2;
        return gap + h + captionHeight + gap;
    }

    public override Plan Measure(float width, float height)
    {
        var needed = Height(width);
        return needed <= height + 0.01f ? new Plan(PlanKind.Full, needed) : Plan.Wrap($"the figure needs {needed:0} pt, {height:0} pt are left");
    }

    public override float Draw(IPageCanvas canvas, float x, float y, float width, float height)
    {
        var (w, h) = ImageSize(width);
        var top = y + gap;
        if (h > 0) canvas.DrawImage(image!, Rect.Create(x + (width - w) / 2, top, w, h));
        top += h + gap / 2;
        var caption = Caption(width);
        if (caption is not null)
        {
            var ascent = caption.Ascent;
            for (var i = 0; i < caption.LineCount; i++) caption.DrawLine(canvas, i, x, top + i * caption.LineHeight + ascent);
        }
        return Height(width);
    }
}
