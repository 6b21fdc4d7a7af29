using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace EbookBuilder.Pdf;

/// <summary>
/// What Skia cannot write: the bookmark outline (chapter → article), the document language, the
/// page mode that opens the outline, and pages in another order than they were drawn. They are
/// appended to Skia's file as an incremental update (ISO 32000-1, 7.5.6): Skia's bytes stay as
/// they are, then come the outline items, a new page tree when the order changes, a new catalog
/// (Skia's entries plus /Outlines, /PageMode and /Lang), and a cross-reference section chained to
/// Skia's by /Prev. PdfPig reads only the trailer, the catalog and the page tree, so memory does
/// not grow with the images and text of the book (loading the whole document, as PDFsharp does,
/// took about twice the file's size).
/// </summary>
internal static class PdfOutline
{
    public sealed record Entry(string Title, int Page, float Y, IReadOnlyList<Entry> Children);

    private static Task? _prepared;

    /// <summary>
    /// Opening a document runs PdfPig's one-time set-up (its standard-14 font metrics, about 0.2 s
    /// of parsing): started here on the thread pool, it is done by the time the PDF is written.
    /// Called more than once, it starts the set-up once.
    /// </summary>
    public static void Prepare() =>
        _prepared ??= Task.Run(() => System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(
            typeof(UglyToad.PdfPig.Fonts.SystemFonts.SystemFontFinder).TypeHandle));

    /// <summary>
    /// Appends the update to <paramref name="pdf"/>, which holds Skia's whole file from position 0.
    /// <paramref name="order"/> lists, for each page as the reader is to see it, the index of the
    /// page in Skia's file; when it is not Skia's own order, a new page tree is written.
    /// </summary>
    public static void Append(Stream pdf, IReadOnlyList<Entry> entries, string language, float pageHeight, IReadOnlyList<int>? order = null)
    {
        Structure structure;
        IReadOnlyList<PageObject> skiaPages;
        pdf.Position = 0;
        using (var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = false, SkipMissingFonts = true }))
        {
            structure = document.Structure;
            skiaPages = PagesInOrder(structure);
        }
        order ??= Enumerable.Range(0, skiaPages.Count).ToList();
        if (order.Count != skiaPages.Count || order.Distinct().Count() != order.Count || order.Any(i => i < 0 || i >= skiaPages.Count))
            throw new ArgumentException($"the page order names {order.Count} pages, the file has {skiaPages.Count}", nameof(order));
        var pages = order.Select(i => skiaPages[i]).ToList();

        var length = pdf.Seek(0, SeekOrigin.End);
        var update = new Update(pdf, length, structure.Trailer.Size);
        update.Newline();

        var outlines = update.Reserve();
        var (first, last, count) = update.Items(entries, outlines, pages.Select(p => p.Reference).ToList(), pageHeight);
        var root = new Dictionary<NameToken, IToken> { [NameToken.Type] = NameToken.Create("Outlines") };
        if (first is not null)
        {
            root[NameToken.First] = new IndirectReferenceToken(first.Value);
            root[NameToken.Last] = new IndirectReferenceToken(last!.Value);
            root[NameToken.Count] = new NumericToken(count);
        }
        update.Write(outlines, new DictionaryToken(root));

        var catalog = new Dictionary<NameToken, IToken>(structure.Catalog.CatalogDictionary.Data.ToDictionary(p => NameToken.Create(p.Key), p => p.Value))
        {
            [NameToken.Outlines] = new IndirectReferenceToken(outlines),
            [NameToken.PageMode] = NameToken.Create("UseOutlines"),
            [NameToken.Lang] = new StringToken(language),
        };
        if (!order.SequenceEqual(Enumerable.Range(0, order.Count)))
            catalog[NameToken.Pages] = new IndirectReferenceToken(update.PageTree(pages));
        var catalogReference = update.Reserve();
        update.Write(catalogReference, new DictionaryToken(catalog));
        update.Finish(catalogReference, structure.Trailer, structure.XrefOffset);
    }

    /// <summary>A page of the file: its reference, its dictionary, and what it inherits from the page tree.</summary>
    internal sealed record PageObject(IndirectReference Reference, DictionaryToken Dictionary, IReadOnlyDictionary<string, IToken> Inherited);

    /// <summary>The attributes a page inherits from its ancestors when it has none of its own (ISO 32000-1, 7.7.3.4).</summary>
    private static readonly string[] Inheritable = ["Resources", "MediaBox", "CropBox", "Rotate"];

    /// <summary>Page objects in page order, from the page tree (/Pages, /Kids).</summary>
    private static List<PageObject> PagesInOrder(Structure structure)
    {
        var pages = new List<PageObject>();
        if (structure.Catalog.CatalogDictionary.Data.GetValueOrDefault(NameToken.Pages.Data) is not IndirectReferenceToken root)
            throw new InvalidDataException("the PDF has no page tree");
        var stack = new Stack<(IndirectReference Reference, IReadOnlyDictionary<string, IToken> Inherited)>([(root.Data, new Dictionary<string, IToken>())]);
        var seen = new HashSet<IndirectReference>();
        while (stack.Count > 0)
        {
            var (reference, inherited) = stack.Pop();
            if (!seen.Add(reference)) continue; // a malformed tree with a cycle ends here
            if (structure.GetObject(reference).Data is not DictionaryToken node) continue;
            if (node.Data.GetValueOrDefault(NameToken.Kids.Data) is ArrayToken kids)
            {
                var passed = new Dictionary<string, IToken>(inherited);
                foreach (var key in Inheritable)
                    if (node.Data.TryGetValue(key, out var value)) passed[key] = value;
                for (var i = kids.Length - 1; i >= 0; i--)
                    if (kids[i] is IndirectReferenceToken kid) stack.Push((kid.Data, passed));
            }
            else pages.Add(new PageObject(reference, node, inherited));
        }
        return pages;
    }

    /// <summary>The objects appended after Skia's file and the cross-reference section that names them.</summary>
    private sealed class Update(Stream output, long offset, int firstFree)
    {
        private readonly SortedDictionary<int, long> _offsets = [];
        private int _next = firstFree;
        private long _offset = offset;

        public IndirectReference Reserve() => new(_next++, 0);

        public void Newline() => Ascii("\n");

        public void Write(IndirectReference reference, IToken token)
        {
            _offsets[(int)reference.ObjectNumber] = _offset;
            Ascii($"{reference.ObjectNumber} 0 obj\n");
            Token(token);
            Ascii("\nendobj\n");
        }

        /// <summary>Writes the items of one level, linked as siblings; returns first, last and the visible count.</summary>
        public (IndirectReference? First, IndirectReference? Last, int Count) Items(IReadOnlyList<Entry> entries, IndirectReference parent,
            IReadOnlyList<IndirectReference> pages, float pageHeight)
        {
            var kept = entries.Where(e => e.Page >= 1 && e.Page <= pages.Count).ToList();
            var references = kept.Select(_ => Reserve()).ToList();
            var count = 0;
            for (var i = 0; i < kept.Count; i++)
            {
                var entry = kept[i];
                var item = new Dictionary<NameToken, IToken>
                {
                    [NameToken.Title] = new StringToken(entry.Title),
                    [NameToken.Parent] = new IndirectReferenceToken(parent),
                    [NameToken.Dest] = new ArrayToken([
                        new IndirectReferenceToken(pages[entry.Page - 1]), NameToken.Create("XYZ"),
                        NullToken.Instance, new NumericToken(Math.Round(pageHeight - entry.Y, 2)), NullToken.Instance]),
                };
                if (i > 0) item[NameToken.Prev] = new IndirectReferenceToken(references[i - 1]);
                if (i < kept.Count - 1) item[NameToken.Next] = new IndirectReferenceToken(references[i + 1]);
                var (first, last, children) = Items(entry.Children, references[i], pages, pageHeight);
                if (first is not null)
                {
                    item[NameToken.First] = new IndirectReferenceToken(first.Value);
                    item[NameToken.Last] = new IndirectReferenceToken(last!.Value);
                    item[NameToken.Count] = new NumericToken(children); // open: positive
                }
                Write(references[i], new DictionaryToken(item));
                count += 1 + children;
            }
            return kept.Count == 0 ? (null, null, 0) : (references[0], references[^1], count);
        }

        /// <summary>
        /// A new page tree over <paramref name="pages"/> in the order given: nodes of at most 32 kids,
        /// each page rewritten with its new /Parent (and what it inherited from Skia's tree, so it
        /// needs nothing of the old one). Returns the root node. Skia's old nodes stay unreferenced.
        /// </summary>
        public IndirectReference PageTree(IReadOnlyList<PageObject> pages)
        {
            const int fanOut = 32;
            var parentOf = new Dictionary<IndirectReference, IndirectReference>();
            var nodes = new List<(IndirectReference Reference, List<IndirectReference> Kids, int Count)>();
            var level = pages.Select(p => (Reference: p.Reference, Count: 1)).ToList();
            do
            {
                var next = new List<(IndirectReference Reference, int Count)>();
                foreach (var group in level.Chunk(fanOut))
                {
                    var node = Reserve();
                    foreach (var kid in group) parentOf[kid.Reference] = node;
                    var count = group.Sum(k => k.Count);
                    nodes.Add((node, group.Select(k => k.Reference).ToList(), count));
                    next.Add((node, count));
                }
                level = next;
            }
            while (level.Count > 1);

            foreach (var page in pages)
            {
                var data = new Dictionary<NameToken, IToken>(page.Dictionary.Data.ToDictionary(p => NameToken.Create(p.Key), p => p.Value));
                foreach (var (key, value) in page.Inherited) data.TryAdd(NameToken.Create(key), value);
                data[NameToken.Parent] = new IndirectReferenceToken(parentOf[page.Reference]);
                Write(page.Reference, new DictionaryToken(data));
            }
            foreach (var (reference, kids, count) in nodes)
            {
                var data = new Dictionary<NameToken, IToken>
                {
                    [NameToken.Type] = NameToken.Pages,
                    [NameToken.Kids] = new ArrayToken(kids.Select(k => (IToken)new IndirectReferenceToken(k)).ToList()),
                    [NameToken.Count] = new NumericToken(count),
                };
                if (parentOf.TryGetValue(reference, out var parent)) data[NameToken.Parent] = new IndirectReferenceToken(parent);
                Write(reference, new DictionaryToken(data));
            }
            return level[0].Reference;
        }

        /// <summary>The cross-reference section (one subsection per run of consecutive numbers) and the trailer.</summary>
        public void Finish(IndirectReference root, UglyToad.PdfPig.CrossReference.TrailerDictionary previous, long previousXref)
        {
            var xref = _offset;
            var text = new StringBuilder("xref\n");
            var numbers = _offsets.Keys.ToList();
            for (var i = 0; i < numbers.Count;)
            {
                var j = i;
                while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1) j++;
                text.Append(CultureInfo.InvariantCulture, $"{numbers[i]} {j - i + 1}\n");
                for (var k = i; k <= j; k++) text.Append(CultureInfo.InvariantCulture, $"{_offsets[numbers[k]]:D10} 00000 n \n");
                i = j + 1;
            }
            Ascii(text.ToString());

            var trailer = new Dictionary<NameToken, IToken>
            {
                [NameToken.Size] = new NumericToken(_next),
                [NameToken.Root] = new IndirectReferenceToken(root),
                [NameToken.Prev] = new NumericToken(previousXref),
            };
            if (previous.Info is { } info) trailer[NameToken.Info] = info;
            if (previous.Identifier is { Count: 2 } id)
                trailer[NameToken.Id] = new ArrayToken(id.Select(part => (IToken)part).ToList());
            Ascii("trailer\n");
            Token(new DictionaryToken(trailer));
            Ascii($"\nstartxref\n{xref}\n%%EOF\n");
        }

        private void Token(IToken token)
        {
            using var bytes = new MemoryStream();
            TokenWriter.Instance.WriteToken(token, bytes);
            output.Write(bytes.GetBuffer(), 0, (int)bytes.Length);
            _offset += bytes.Length;
        }

        private void Ascii(string text)
        {
            var bytes = Encoding.ASCII.GetBytes(text);
            output.Write(bytes);
            _offset += bytes.Length;
        }
    }
}
