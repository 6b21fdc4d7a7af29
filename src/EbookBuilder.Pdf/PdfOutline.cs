using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace EbookBuilder.Pdf;

/// <summary>
/// What Skia cannot write: the bookmark outline (chapter → article), the document language and
/// the page mode that opens the outline. They are appended to Skia's file as an incremental
/// update (ISO 32000-1, 7.5.6): Skia's bytes stay as they are, then come the outline items, a
/// new catalog (Skia's entries plus /Outlines, /PageMode and /Lang), and a cross-reference section
/// chained to Skia's by /Prev. PdfPig reads only the trailer, the catalog and the page tree, so
/// memory does not grow with the images and text of the book (loading the whole document, as
/// PDFsharp does, took about twice the file's size).
/// </summary>
internal static class PdfOutline
{
    public sealed record Entry(string Title, int Page, float Y, IReadOnlyList<Entry> Children);

    /// <summary>Appends the update to <paramref name="pdf"/>, which holds Skia's whole file from position 0.</summary>
    public static void Append(Stream pdf, IReadOnlyList<Entry> entries, string language, float pageHeight)
    {
        Structure structure;
        IReadOnlyList<IndirectReference> pages;
        pdf.Position = 0;
        using (var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = false, SkipMissingFonts = true }))
        {
            structure = document.Structure;
            pages = PagesInOrder(structure);
        }

        var length = pdf.Seek(0, SeekOrigin.End);
        var update = new Update(pdf, length, structure.Trailer.Size);
        update.Newline();

        var outlines = update.Reserve();
        var (first, last, count) = update.Items(entries, outlines, pages, pageHeight);
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
        var catalogReference = update.Reserve();
        update.Write(catalogReference, new DictionaryToken(catalog));
        update.Finish(catalogReference, structure.Trailer, structure.XrefOffset);
    }

    /// <summary>Page object references in page order, from the page tree (/Pages, /Kids).</summary>
    private static List<IndirectReference> PagesInOrder(Structure structure)
    {
        var pages = new List<IndirectReference>();
        if (structure.Catalog.CatalogDictionary.Data.GetValueOrDefault(NameToken.Pages.Data) is not IndirectReferenceToken root)
            throw new InvalidDataException("the PDF has no page tree");
        var stack = new Stack<IndirectReference>([root.Data]);
        var seen = new HashSet<IndirectReference>();
        while (stack.Count > 0)
        {
            var reference = stack.Pop();
            if (!seen.Add(reference)) continue; // a malformed tree with a cycle ends here
            if (structure.GetObject(reference).Data is not DictionaryToken node) continue;
            if (node.Data.GetValueOrDefault(NameToken.Kids.Data) is ArrayToken kids)
            {
                for (var i = kids.Length - 1; i >= 0; i--)
                    if (kids[i] is IndirectReferenceToken kid) stack.Push(kid.Data);
            }
            else pages.Add(reference);
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
