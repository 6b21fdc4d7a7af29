using System.Buffers.Binary;
using System.Text;

namespace EbookBuilder.Kindle;

/// <summary>
/// The small encodings of the Mobipocket format, after the MobileRead wiki's MOBI and KF8 pages:
/// variable-width integers, base-32 references, big-endian fields and 4-byte alignment.
/// </summary>
internal static class MobiEncoding
{
    /// <summary>
    /// A variable-width integer: 7 bits per byte, big-endian; forward-encoded numbers mark their
    /// first byte with the high bit, backward-encoded ones their last.
    /// </summary>
    public static byte[] VarInt(long value, bool forward = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var bytes = new List<byte>();
        do
        {
            bytes.Add((byte)(value & 0x7F));
            value >>= 7;
        }
        while (value != 0);
        bytes.Reverse();
        if (forward) bytes[^1] |= 0x80;
        else bytes[0] |= 0x80;
        return [.. bytes];
    }

    /// <summary>Reads a forward-encoded variable-width integer; returns the value and the bytes read.</summary>
    public static (long Value, int Length) ReadVarInt(ReadOnlySpan<byte> data)
    {
        long value = 0;
        for (var i = 0; i < data.Length; i++)
        {
            value = (value << 7) | (uint)(data[i] & 0x7F);
            if ((data[i] & 0x80) != 0) return (value, i + 1);
        }
        throw new InvalidDataException("unterminated variable-width integer");
    }

    /// <summary>
    /// Trailing data of a text record: the bytes, then their total length (with the length's own
    /// bytes) as a backward-encoded integer.
    /// </summary>
    public static byte[] TrailingEntry(byte[] data)
    {
        for (var size = 1; ; size++)
        {
            var encoded = VarInt(data.Length + size, forward: false);
            if (encoded.Length == size) return [.. data, .. encoded];
        }
    }

    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>A number in base 32 with at least <paramref name="width"/> digits, as KF8's links and aids write it.</summary>
    public static string Base32(long value, int width = 0)
    {
        var sb = new StringBuilder();
        do
        {
            sb.Insert(0, Digits[(int)(value % 32)]);
            value /= 32;
        }
        while (value > 0);
        while (sb.Length < width) sb.Insert(0, '0');
        return sb.ToString();
    }

    public static byte[] UInt32(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        return b;
    }

    public static byte[] UInt16(ushort value)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, value);
        return b;
    }

    /// <summary>Pads with zero bytes to a multiple of four.</summary>
    public static byte[] Align(byte[] data)
    {
        var extra = data.Length % 4;
        return extra == 0 ? data : [.. data, .. new byte[4 - extra]];
    }

    public static void Write(this Stream stream, uint value) => stream.Write(UInt32(value));

    public static void WriteShort(this Stream stream, ushort value) => stream.Write(UInt16(value));
}
