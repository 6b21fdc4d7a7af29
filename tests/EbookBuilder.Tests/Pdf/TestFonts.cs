using EbookBuilder.Fonts;
using EbookBuilder.Model.Assets;
using EbookBuilder.Pdf.Typesetting;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Pdf;

/// <summary>The bundled font, subset to the characters a test uses, as the PDF engine takes it.</summary>
internal static class TestFonts
{
    public static FontSet For(string text)
    {
        var chars = (text + " 0123456789.").EnumerateRunes().Select(r => r.Value).ToHashSet();
        var faces = new List<FontAsset>();
        foreach (var (file, weight) in new[] { ("LXGWWenKai-Regular.ttf", 400), ("LXGWWenKai-Bold.ttf", 700) })
        {
            using var font = FontFile.Open(Path.Combine(TestPaths.RepoRoot, "fonts", file))!;
            var covered = chars.Where(font.Covers).ToHashSet();
            faces.Add(new FontAsset(0, weight, file, FontSubsetter.Subset(font, covered), "font/ttf", font.Family, file, covered, 0, 0));
        }
        return new FontSet(new FontBag(faces, []));
    }
}
