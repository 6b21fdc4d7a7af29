using EbookBuilder.Pdf.Typesetting;
using SkiaSharp;

namespace EbookBuilder.Pdf.Layout;

/// <summary>Records what is drawn, for tests and for the first layout pass (where only positions matter).</summary>
internal sealed class RecordingCanvas : IPageCanvas
{
    public sealed record TextOp(string Text, SKPoint[] Positions, float Size, int FaceId);

    public sealed record ImageOp(SKRect Rect);

    public List<TextOp> Texts { get; } = [];

    public List<ImageOp> Images { get; } = [];

    public List<(string Name, SKPoint At)> Destinations { get; } = [];

    public List<(SKRect Rect, string Target)> Links { get; } = [];

    public void DrawText(FontSet.Face face, float size, SKColor color, ReadOnlySpan<ushort> glyphs, ReadOnlySpan<SKPoint> positions, ReadOnlySpan<byte> utf8, ReadOnlySpan<uint> clusters) =>
        Texts.Add(new TextOp(System.Text.Encoding.UTF8.GetString(utf8), positions.ToArray(), size, face.Id));

    public void DrawImage(SKImage image, SKRect rect) => Images.Add(new ImageOp(rect));

    public void DrawLine(SKPoint from, SKPoint to, SKColor color, float width) { }

    public void LinkUrl(SKRect rect, string url) => Links.Add((rect, url));

    public void LinkTo(SKRect rect, string destination) => Links.Add((rect, "#" + destination));

    public void Destination(string name, SKPoint at) => Destinations.Add((name, at));
}
