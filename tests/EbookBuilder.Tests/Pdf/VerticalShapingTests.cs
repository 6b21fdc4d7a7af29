using EbookBuilder.Fonts;
using EbookBuilder.Model.Assets;
using EbookBuilder.Pdf.Typesetting;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Pdf;

/// <summary>A vertical book's punctuation takes the font's vertical forms (vert) in shaping.</summary>
public sealed class VerticalShapingTests
{
    [Fact]
    public void Vertical_shaping_takes_the_fonts_vertical_forms_of_punctuation()
    {
        var chars = "，（）。本".EnumerateRunes().Select(r => r.Value).ToHashSet();
        using var font = FontFile.Open(Path.Combine(TestPaths.RepoRoot, "fonts", "LXGWWenKai-Regular.ttf"))!;
        var face = new FontAsset(0, 400, "f.ttf", FontSubsetter.Subset(font, chars), "font/ttf", font.Family, "f.ttf", chars, 0, 0);
        using var horizontal = new FontSet(new FontBag([face], []), "zh-Hant");
        using var vertical = new FontSet(new FontBag([face], []), "zh-Hant", vertical: true);
        foreach (var text in new[] { "，", "（", "本（" })
        {
            var h = horizontal.Shape(horizontal.Faces.First(), text).Glyphs;
            var v = vertical.Shape(vertical.Faces.First(), text).Glyphs;
            Assert.NotEqual(h[^1], v[^1]);
        }
        Assert.Equal(horizontal.Shape(horizontal.Faces.First(), "本").Glyphs, vertical.Shape(vertical.Faces.First(), "本").Glyphs);
    }
}
