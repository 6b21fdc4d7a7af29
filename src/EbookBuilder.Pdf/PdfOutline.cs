using EbookBuilder.Pdf.Update;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace EbookBuilder.Pdf;

/// <summary>
/// What Skia cannot write: the bookmark outline (chapter → article), the document language, the
/// page mode that opens the outline, and the contents moved in front of the pages drawn before
/// them. They are appended to Skia's file as an incremental update (ISO 32000-1, 7.5.6): Skia's
/// bytes stay as they are, then come the outline items, the rewritten part of the page tree, a new
/// catalog (Skia's entries plus /Outlines, /PageMode and /Lang), and a cross-reference section
/// chained to Skia's by /Prev. Bookmarks open the named destinations Skia wrote for the contents'
/// links, so no page of the book has to be read: only the trailer, the catalog and the page tree
/// nodes on the way to the pages that move.
/// </summary>
internal static class PdfOutline
{
    /// <summary>A bookmark: its title, the named destination it opens (drawn on the page), and the bookmarks under it.</summary>
    public sealed record Entry(string Title, string Destination, IReadOnlyList<Entry> Children);

    /// <summary>
    /// Appends the update to <paramref name="pdf"/>, which holds Skia's whole file from position 0.
    /// The last <paramref name="moved"/> pages of Skia's file are shown after its first
    /// <paramref name="front"/> pages; a vertical book (<paramref name="rightToLeft"/>) is shown so.
    /// With <paramref name="boxes"/>, every page gets a print shop's trim and bleed boxes (<c>--bleed</c>).
    /// </summary>
    public static void Append(Stream pdf, IReadOnlyList<Entry> entries, string language, int front = 0, int moved = 0, bool rightToLeft = false, PageBoxes? boxes = null)
    {
        var file = PdfObjectReader.Open(pdf);
        var root = file.Trailer.Data.GetValueOrDefault(NameToken.Root.Data) as IndirectReferenceToken
            ?? throw new InvalidDataException("the PDF's trailer names no catalog");
        var catalog = file.Dictionary(root.Data).Data.ToDictionary(p => NameToken.Create(p.Key), p => p.Value);
        var update = new UpdateWriter(pdf.Seek(0, SeekOrigin.End), file.Size);

        var outlines = update.Reserve();
        var (first, last, count) = Items(update, entries, outlines);
        var outlineRoot = new Dictionary<NameToken, IToken> { [NameToken.Type] = NameToken.Create("Outlines") };
        if (first is not null)
        {
            outlineRoot[NameToken.First] = new IndirectReferenceToken(first.Value);
            outlineRoot[NameToken.Last] = new IndirectReferenceToken(last!.Value);
            outlineRoot[NameToken.Count] = new NumericToken(count);
        }
        update.Write(outlines, new DictionaryToken(outlineRoot));

        catalog[NameToken.Outlines] = new IndirectReferenceToken(outlines);
        if (entries.Count > 0) catalog[NameToken.PageMode] = NameToken.Create("UseOutlines");
        catalog[NameToken.Lang] = new StringToken(language);
        // A vertical book is read from right to left: a viewer shows its spreads so.
        if (rightToLeft) catalog[NameToken.Create("ViewerPreferences")] = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("Direction")] = NameToken.Create("R2L") });
        if (moved > 0 || boxes is not null)
        {
            var pages = catalog.GetValueOrDefault(NameToken.Pages) as IndirectReferenceToken
                ?? throw new InvalidDataException("the PDF's catalog has no page tree");
            var tree = moved > 0 ? new PageTreeMove(file, update).Apply(pages.Data, front, moved) : pages.Data;
            boxes?.Apply(file, update, tree);
            catalog[NameToken.Pages] = new IndirectReferenceToken(tree);
        }
        var catalogReference = update.Reserve();
        update.Write(catalogReference, new DictionaryToken(catalog));
        update.Finish(pdf, catalogReference, file.Trailer, file.XrefOffset);
    }

    /// <summary>Writes the items of one level, linked as siblings; returns first, last and the visible count.</summary>
    private static (IndirectReference? First, IndirectReference? Last, int Count) Items(UpdateWriter update, IReadOnlyList<Entry> entries, IndirectReference parent)
    {
        var references = entries.Select(_ => update.Reserve()).ToList();
        var count = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var item = new Dictionary<NameToken, IToken>
            {
                [NameToken.Title] = new StringToken(entry.Title),
                [NameToken.Parent] = new IndirectReferenceToken(parent),
                // A name: the catalog's /Dests (PDF 1.1), where Skia keeps the page and the point.
                [NameToken.Dest] = NameToken.Create(entry.Destination),
            };
            if (i > 0) item[NameToken.Prev] = new IndirectReferenceToken(references[i - 1]);
            if (i < entries.Count - 1) item[NameToken.Next] = new IndirectReferenceToken(references[i + 1]);
            var (first, last, children) = Items(update, entry.Children, references[i]);
            if (first is not null)
            {
                item[NameToken.First] = new IndirectReferenceToken(first.Value);
                item[NameToken.Last] = new IndirectReferenceToken(last!.Value);
                item[NameToken.Count] = new NumericToken(children); // open: positive
            }
            update.Write(references[i], new DictionaryToken(item));
            count += 1 + children;
        }
        return entries.Count == 0 ? (null, null, 0) : (references[0], references[^1], count);
    }
}
