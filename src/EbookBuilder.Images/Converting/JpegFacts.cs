namespace EbookBuilder.Images.Converting;

/// <summary>
/// The one fact about a JPEG that Skia does not report: how many colour components its frame has.
/// Four means CMYK (or YCCK), which many e-readers show with wrong colours or not at all, so such
/// files are converted to RGB. Reads only the marker headers up to the first frame header.
/// </summary>
internal static class JpegFacts
{
    public static int ComponentCount(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return 0;
        var i = 2;
        while (i + 4 <= jpeg.Length)
        {
            if (jpeg[i] != 0xFF) return 0;
            var marker = jpeg[i + 1];
            if (marker == 0xFF) { i++; continue; }                  // fill byte
            if (marker is 0xD8 or 0x01 or >= 0xD0 and <= 0xD7) { i += 2; continue; } // no length
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC): length, precision, height, width, components.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return i + 9 < jpeg.Length ? jpeg[i + 9] : 0;
            if (marker == 0xDA) return 0;                           // scan data before any frame header
            i += 2 + length;
        }
        return 0;
    }
}
