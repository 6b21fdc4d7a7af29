namespace EbookBuilder.Pdf.Drawing;

/// <summary>
/// What layout draws with: the drawing types of this namespace only, never the backend's, so that
/// layout and typesetting are tested with a recording canvas and no native library.
/// </summary>
internal interface IPageCanvas
{
    void DrawText(in GlyphRun run);

    void DrawImage(ImageHandle image, Rect rect);

    void DrawLine(Point from, Point to, Color color, float width);

    void LinkUrl(Rect rect, string url);

    void LinkTo(Rect rect, string destination);

    void Destination(string name, Point at);
}
