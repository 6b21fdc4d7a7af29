using System.Globalization;
using System.Text;
using EbookBuilder.Model.Assets;

namespace EbookBuilder.Epub;

/// <summary>
/// The @font-face rules for the embedded subsets, appended to the book's stylesheet: one family per
/// slot of the fallback chain ("EbookBuilder 0" is the book's font, with its bold face), listed in
/// order on the body so that readers fall back per character as the chain does.
/// </summary>
internal static class FontFaces
{
    public static string Css(FontBag fonts)
    {
        if (fonts.Faces.Count == 0) return "";
        var css = new StringBuilder("\n/* Embedded fonts: subsets of the faces named, made by EbookBuilder. */\n");
        foreach (var face in fonts.Faces)
        {
            css.Append(CultureInfo.InvariantCulture,
                $"@font-face {{\n  font-family: \"{Family(face.Slot)}\";\n  font-weight: {(face.Weight >= 700 ? "bold" : "normal")};\n  font-style: normal;\n  src: url(../{EpubLayout.FontHref(face)});\n}}\n");
        }
        var families = string.Join(", ", fonts.Faces.Select(f => f.Slot).Distinct().Order().Select(s => $"\"{Family(s)}\""));
        css.Append(CultureInfo.InvariantCulture, $"body {{\n  font-family: {families}, serif;\n}}\n");
        return css.ToString();
    }

    private static string Family(int slot) => $"EbookBuilder {slot}";
}
