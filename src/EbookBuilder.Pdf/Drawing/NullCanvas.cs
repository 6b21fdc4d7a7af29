namespace EbookBuilder.Pdf.Drawing;

/// <summary>A canvas that draws nothing: for counting pages, and for trying a layout.</summary>
internal sealed class NullCanvas : IPageCanvas
{
    /// <summary>One for all: it holds nothing.</summary>
    public static NullCanvas Instance { get; } = new();

    public void DrawText(in GlyphRun run) { }

    public void DrawImage(ImageHandle image, Rect rect) { }

    public void DrawLine(Point from, Point to, Color color, float width) { }

    public void LinkUrl(Rect rect, string url) { }

    public void LinkTo(Rect rect, string destination) { }

    public void Destination(string name, Point at) { }
}
