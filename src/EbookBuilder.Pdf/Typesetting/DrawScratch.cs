using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Typesetting;

/// <summary>Buffers for drawing, reused from line to line (a book draws some hundred thousand runs).</summary>
internal sealed class DrawScratch
{
    private float[] _positions = new float[128];
    private float[] _extra = new float[128];
    public ushort[] Glyphs = new ushort[128];
    public Point[] Points = new Point[128];
    public uint[] Clusters = new uint[128];
    public uint[] OwnClusters = new uint[128];
    public byte[] Utf8 = new byte[512];

    public float[] Positions(int count) => _positions.Length >= count ? _positions : _positions = new float[count * 2];

    public float[] Extra(int count) => _extra.Length >= count ? _extra : _extra = new float[count * 2];

    private int[] _order = new int[128];

    public int[] Order(int count) => _order.Length >= count ? _order : _order = new int[count * 2];

    public void Ensure(int glyphs, int bytes)
    {
        if (Glyphs.Length < glyphs) (Glyphs, Points, Clusters, OwnClusters) = (new ushort[glyphs * 2], new Point[glyphs * 2], new uint[glyphs * 2], new uint[glyphs * 2]);
        if (Utf8.Length < bytes) Utf8 = new byte[bytes * 2];
    }
}
