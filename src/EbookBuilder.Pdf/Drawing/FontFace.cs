using EbookBuilder.Model.Assets;

namespace EbookBuilder.Pdf.Drawing;

/// <summary>A subset face as drawing sees it: a number unique in the book and the bytes the backend embeds.</summary>
internal sealed class FontFace(int id, FontAsset asset)
{
    public int Id => id;

    public FontAsset Asset => asset;
}
