using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Typesetting;

/// <summary>
/// Text set into lines, as layout elements use it: how many lines, how tall, where the baseline
/// lies, and drawing one line. <see cref="TextLayout"/> sets real text with fonts; layout tests set
/// fake lines of known widths, without fonts or a drawing backend.
/// </summary>
internal interface ITextBlock
{
    int LineCount { get; }

    float LineHeight { get; }

    /// <summary>How far below the top of a line its baseline lies.</summary>
    float Ascent { get; }

    /// <summary>The plain text (for descriptions, fallbacks and tests).</summary>
    string Text { get; }

    /// <summary>The width of a line as drawn.</summary>
    float LineWidth(int line);

    /// <summary>Draws one line with its baseline at <paramref name="baseline"/>.</summary>
    void DrawLine(IPageCanvas canvas, int line, float left, float baseline);
}
