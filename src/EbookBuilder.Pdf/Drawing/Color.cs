using System.Globalization;

namespace EbookBuilder.Pdf.Drawing;

/// <summary>An sRGB colour with alpha.</summary>
internal readonly record struct Color(byte Red, byte Green, byte Blue, byte Alpha = 255)
{
    /// <summary>
    /// A CSS hex colour as the theme writes it: #rgb, #argb, #rrggbb or #aarrggbb (the '#' may be
    /// left out; alpha first, as Skia reads it).
    /// </summary>
    public static Color Parse(string hex)
    {
        var digits = hex.Trim().TrimStart('#');
        if (digits.Length is 3 or 4) digits = string.Concat(digits.Select(c => new string(c, 2)));
        if (digits.Length == 6) digits = "ff" + digits;
        if (digits.Length != 8 || !uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var argb))
            throw new ArgumentException($"'{hex}' is not a colour: write it as #rrggbb (e.g. #222222)");
        return new Color((byte)(argb >> 16), (byte)(argb >> 8), (byte)argb, (byte)(argb >> 24));
    }
}
