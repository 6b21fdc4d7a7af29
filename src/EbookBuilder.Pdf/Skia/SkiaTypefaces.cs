using System.Collections.Concurrent;
using EbookBuilder.Pdf.Drawing;
using SkiaSharp;

namespace EbookBuilder.Pdf.Skia;

/// <summary>
/// One Skia typeface per subset face for the whole document, loaded from exactly the bytes the
/// font stage made (Skia embeds them as they are). One per document, since Skia writes a font
/// once per typeface; disposed after the document is closed (recorded pages hold them until then).
/// </summary>
internal sealed class SkiaTypefaces : IDisposable
{
    private readonly ConcurrentDictionary<int, SKTypeface> _typefaces = new();

    public SKTypeface For(FontFace face) => _typefaces.GetOrAdd(face.Id, _ =>
        SKTypeface.FromData(SKData.CreateCopy(face.Asset.Bytes)) ?? throw new InvalidOperationException($"Skia cannot read the subset of {face.Asset.Family}"));

    public void Dispose()
    {
        foreach (var typeface in _typefaces.Values) typeface.Dispose();
        _typefaces.Clear();
    }
}
