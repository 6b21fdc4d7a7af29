using System.Buffers.Binary;
using System.Text;

namespace EbookBuilder.Kindle;

/// <summary>
/// What a Kindle's library needs of an AZW3 beside the book (calibre's Kindle driver does the
/// same): its ASIN and document type, and its thumbnail, which a Kindle shows from
/// <c>system/thumbnails/thumbnail_ASIN_TYPE_portrait.jpg</c> for a sideloaded book.
/// </summary>
public sealed record Azw3Info(string? Asin, string? DocumentType, byte[]? Thumbnail)
{
    /// <summary>The thumbnail's file name in <c>system/thumbnails</c>, when the book has all three.</summary>
    public string? ThumbnailName => Asin is not null && DocumentType is not null && Thumbnail is not null
        ? $"thumbnail_{Asin}_{DocumentType}_portrait.jpg" : null;

    /// <summary>Reads the PalmDB's record 0 (MOBI header, EXTH) and the thumbnail's resource.</summary>
    public static Azw3Info Read(byte[] file)
    {
        if (file.Length < 86 || Encoding.ASCII.GetString(file, 60, 8) != "BOOKMOBI") throw new InvalidDataException("not a MOBI/AZW3 file");
        var count = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(76));
        int Offset(int i) => i < count ? (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(78 + 8 * i)) : file.Length;
        var r0 = file.AsSpan(Offset(0), Offset(1) - Offset(0));
        var headerLength = (int)BinaryPrimitives.ReadUInt32BigEndian(r0[20..]);
        var firstResource = BinaryPrimitives.ReadUInt32BigEndian(r0[108..]);
        string? asin = null, type = null;
        int? thumbnail = null;
        var at = 16 + headerLength;
        if ((BinaryPrimitives.ReadUInt32BigEndian(r0[128..]) & 0x40) != 0 && Encoding.ASCII.GetString(r0.Slice(at, 4)) == "EXTH")
        {
            var entries = BinaryPrimitives.ReadUInt32BigEndian(r0[(at + 8)..]);
            var p = at + 12;
            for (var i = 0; i < entries && p + 8 <= r0.Length; i++)
            {
                var code = BinaryPrimitives.ReadUInt32BigEndian(r0[p..]);
                var size = (int)BinaryPrimitives.ReadUInt32BigEndian(r0[(p + 4)..]);
                if (size < 8 || p + size > r0.Length) break;
                var data = r0.Slice(p + 8, size - 8);
                if (code == 113) asin = Encoding.UTF8.GetString(data);
                else if (code == 501) type = Encoding.UTF8.GetString(data);
                else if (code == 202 && data.Length == 4) thumbnail = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                p += size;
            }
        }
        byte[]? thumb = null;
        if (thumbnail is { } t && firstResource != 0xFFFFFFFF && firstResource + t < count)
        {
            var record = (int)firstResource + t;
            thumb = file[Offset(record)..Offset(record + 1)];
        }
        return new Azw3Info(asin, type, thumb);
    }
}
