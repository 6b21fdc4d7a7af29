using System.Globalization;
using EbookBuilder.Pdf.Drawing;
using EbookBuilder.Pdf.Typesetting;

namespace EbookBuilder.Pdf.Layout;

/// <summary>A table-of-contents line: the title (wrapping if long), dot leaders, the page number, and a link to the place.</summary>
internal sealed class TocEntryElement(TextLayout title, TextLayout number, TextLayout dot, float numberBox, float inset, float spaceBefore, string destination,
    bool keepWithNext = false) : Element
{
    /// <summary>A chapter's line keeps with its first two entries: never the last line of a page.</summary>
    public override bool KeepWithNext => keepWithNext;

    public override string Description => $"contents entry '{title.Text}'";

    private float Height => spaceBefore + title.Lines.Count * title.LineHeight;

    public override Plan Measure(float width, float height) => Height <= height + 0.01f ? new Plan(PlanKind.Full, Height) : Plan.Wrap("no room");

    public override float Draw(IPageCanvas canvas, float x, float y, float width, float height)
    {
        var ascent = title.Ascent;
        var top = y + spaceBefore;
        for (var i = 0; i < title.Lines.Count; i++) title.DrawLine(canvas, i, x + inset, top + i * title.LineHeight + ascent);
        var lastBaseline = top + (title.Lines.Count - 1) * title.LineHeight + ascent;
        var right = x + width;
        number.DrawLine(canvas, 0, right - numberBox, lastBaseline);
        // Leaders: dots from the end of the title to the number, on a grid from the text area's
        // left edge, so that the dots of all entries stand in columns (as TeX aligns its leaders).
        var from = x + inset + title.LineWidth(title.Lines.Count - 1) + dot.Style.Size;
        var to = right - number.LineWidth(0) - dot.Style.Size / 2;
        var step = dot.LineWidth(0) * 2;
        if (step > 0)
        {
            var first = x + MathF.Ceiling((from - x) / step) * step;
            dot.DrawRepeated(canvas, first, step, (int)MathF.Floor((to - first) / step), lastBaseline);
        }
        canvas.LinkTo(new Rect(x, top, right, top + title.Lines.Count * title.LineHeight), destination);
        return Height;
    }

    /// <summary>
    /// A page number as the contents prints it; in Chinese numerals digit by digit (一二〇) for a
    /// vertical book, where they stand upright in the column as Arabic digits past two would not.
    /// </summary>
    public static string Format(int page, bool chineseNumerals = false)
    {
        var digits = page > 0 ? page.ToString(CultureInfo.InvariantCulture) : "000";
        return chineseNumerals ? string.Concat(digits.Select(d => ChineseDigits[d - '0'])) : digits;
    }

    /// <summary>The Chinese numerals, 〇 to 九: what a vertical contents' page numbers are written in.</summary>
    public const string ChineseDigits = "〇一二三四五六七八九";
}
