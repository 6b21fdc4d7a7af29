using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Layout;

/// <summary>Records what is drawn, for tests and for the first layout pass (where only positions matter).</summary>
internal sealed class RecordingCanvas : IPageCanvas
{
    public sealed record TextOp(string Text, Point[] Positions, float Size, int FaceId);

    public sealed record ImageOp(Rect Rect);

    public List<TextOp> Texts { get; } = [];

    public List<ImageOp> Images { get; } = [];

    public List<(string Name, Point At)> Destinations { get; } = [];

    public List<(Rect Rect, string Target)> Links { get; } = [];

    public void DrawText(in GlyphRun run) =>
        Texts.Add(new TextOp(System.Text.Encoding.UTF8.GetString(run.Utf8), run.Positions.ToArray(), run.FontSize, run.Face.Id));

    public void DrawImage(ImageHandle image, Rect rect) => Images.Add(new ImageOp(rect));

    public void DrawLine(Point from, Point to, Color color, float width) { }

    public void LinkUrl(Rect rect, string url) => Links.Add((rect, url));

    public void LinkTo(Rect rect, string destination) => Links.Add((rect, "#" + destination));

    public void Destination(string name, Point at) => Destinations.Add((name, at));
}
