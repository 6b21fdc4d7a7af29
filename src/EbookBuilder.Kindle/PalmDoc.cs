namespace EbookBuilder.Kindle;

/// <summary>
/// PalmDOC compression, the LZ77 variant every MOBI reader decodes: literals, runs of up to eight
/// bytes above 0x7F behind a count, "space + character" pairs in one byte, and back references of
/// 3–10 bytes up to 2,047 bytes back. Each text record (4,096 bytes) is compressed on its own.
/// </summary>
internal static class PalmDoc
{
    private const int Window = 2047;
    private const int MinMatch = 3;
    private const int MaxMatch = 10;
    private const int ChainLimit = 48;

    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        var output = new List<byte>(data.Length);
        var head = new int[1 << 12];
        Array.Fill(head, -1);
        var previous = new int[data.Length];
        var indexed = 0;

        var i = 0;
        while (i < data.Length)
        {
            // Positions before i enter the hash chains, so that matches only look back.
            for (; indexed < i && indexed + MinMatch <= data.Length; indexed++)
            {
                var h = Hash(data, indexed);
                previous[indexed] = head[h];
                head[h] = indexed;
            }

            if (i + MinMatch <= data.Length)
            {
                var (distance, length) = LongestMatch(data, i, head, previous);
                if (length >= MinMatch)
                {
                    var code = 0x8000 | (distance << 3) | (length - MinMatch);
                    output.Add((byte)(code >> 8));
                    output.Add((byte)code);
                    i += length;
                    continue;
                }
            }

            var c = data[i];
            if (c == (byte)' ' && i + 1 < data.Length && data[i + 1] is >= 0x40 and <= 0x7F)
            {
                output.Add((byte)(data[i + 1] ^ 0x80));
                i += 2;
                continue;
            }
            if (c == 0 || c is >= 0x09 and <= 0x7F)
            {
                output.Add(c);
                i++;
                continue;
            }
            // A run of bytes a reader would take for codes: one to eight, behind their count.
            var end = i;
            while (end < data.Length && end - i < 8 && data[end] is not 0 and (<= 0x08 or >= 0x80)) end++;
            output.Add((byte)(end - i));
            for (var k = i; k < end; k++) output.Add(data[k]);
            i = end;
        }
        return [.. output];
    }

    private static int Hash(ReadOnlySpan<byte> data, int at) =>
        ((data[at] << 7) ^ (data[at + 1] << 4) ^ data[at + 2]) & 0xFFF;

    private static (int Distance, int Length) LongestMatch(ReadOnlySpan<byte> data, int at, int[] head, int[] previous)
    {
        var best = 0;
        var bestDistance = 0;
        var limit = Math.Min(MaxMatch, data.Length - at);
        var candidate = head[Hash(data, at)];
        for (var steps = 0; candidate >= 0 && steps < ChainLimit; steps++, candidate = previous[candidate])
        {
            var distance = at - candidate;
            if (distance > Window) break;
            var length = 0;
            while (length < limit && data[candidate + length] == data[at + length]) length++;
            if (length > best)
            {
                best = length;
                bestDistance = distance;
                if (best == limit) break;
            }
        }
        return (bestDistance, best);
    }

    /// <summary>The inverse, for tests and for reading a record back.</summary>
    public static byte[] Decompress(ReadOnlySpan<byte> data)
    {
        var output = new List<byte>(data.Length * 2);
        for (var i = 0; i < data.Length;)
        {
            var c = data[i++];
            if (c is >= 1 and <= 8)
            {
                for (var k = 0; k < c; k++) output.Add(data[i++]);
            }
            else if (c < 0x80)
            {
                output.Add(c);
            }
            else if (c >= 0xC0)
            {
                output.Add((byte)' ');
                output.Add((byte)(c ^ 0x80));
            }
            else
            {
                var code = (c << 8) | data[i++];
                var distance = (code >> 3) & 0x7FF;
                var length = (code & 7) + MinMatch;
                for (var k = 0; k < length; k++) output.Add(output[^distance]);
            }
        }
        return [.. output];
    }
}
