using System.Globalization;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace EbookBuilder.Pdf.Update;

/// <summary>
/// A print shop's page boxes (ISO 32000-1, 14.11.2): where the page is cut (/TrimBox) and how far
/// its printing may run past the cut (/BleedBox), on pages of a PDF whose sheets are larger than the
/// page (<c>--bleed</c>). They are not inherited, so every page's dictionary is written again, as
/// the update has it (the pages that moved, with their new parent) or as the file has it.
/// </summary>
/// <param name="Slug">How far the page's top-left corner is from the sheet's, in points, both ways.</param>
/// <param name="Width">The page's width (trimmed), in points.</param>
/// <param name="Height">The page's height (trimmed), in points.</param>
/// <param name="Bleed">How far past the cut the page's printing may run, in points.</param>
internal sealed record PageBoxes(float Slug, float Width, float Height, float Bleed)
{
    /// <summary>Writes every page under <paramref name="root"/> again with its boxes.</summary>
    public void Apply(PdfObjectReader file, UpdateWriter update, IndirectReference root)
    {
        var seen = new HashSet<IndirectReference>();
        var pending = new Stack<IndirectReference>([root]);
        while (pending.TryPop(out var reference))
        {
            if (!seen.Add(reference)) throw new InvalidDataException($"the page tree reaches object {reference} twice");
            var data = update.Written(reference) as DictionaryToken ?? file.Dictionary(reference);
            if (data.Data.GetValueOrDefault(NameToken.Kids.Data) is ArrayToken kids)
            {
                foreach (var kid in kids.Data.Reverse())
                    pending.Push(kid is IndirectReferenceToken r ? r.Data : throw new InvalidDataException($"page tree node {reference} has a kid that is not a reference"));
                continue;
            }
            var page = data.Data.ToDictionary(p => NameToken.Create(p.Key), p => p.Value);
            // PDF's y runs up from the sheet's foot, and Skia draws down from its top: the page is
            // Slug in from the sheet's top, whose height Skia rounded to its raster grid (RasterDpi).
            var top = page.GetValueOrDefault(NameToken.MediaBox) is ArrayToken { Length: 4 } media && media.Data[3] is NumericToken mediaTop
                ? (float)mediaTop.Double : Height + 2 * Slug;
            page[NameToken.Create("TrimBox")] = Box(Slug, top - Slug - Height, Slug + Width, top - Slug);
            page[NameToken.Create("BleedBox")] = Box(Slug - Bleed, top - Slug - Height - Bleed, Slug + Width + Bleed, top - Slug + Bleed);
            update.Write(reference, new DictionaryToken(page));
        }
    }

    private static ArrayToken Box(float left, float bottom, float right, float top) =>
        new([new NumericToken(Round(left)), new NumericToken(Round(bottom)), new NumericToken(Round(right)), new NumericToken(Round(top))]);

    private static double Round(float value) => Math.Round((double)value, 3);
}
