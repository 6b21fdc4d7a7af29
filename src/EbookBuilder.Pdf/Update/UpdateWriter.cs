using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace EbookBuilder.Pdf.Update;

/// <summary>
/// An incremental update (ISO 32000-1, 7.5.6): new and rewritten objects after a file's last
/// byte, then a cross-reference section for them chained to the file's by /Prev. The update is
/// kept in memory until <see cref="Finish"/> (some tens of kilobytes), so the file can still be read
/// while its objects are written.
/// </summary>
internal sealed class UpdateWriter(long fileLength, int firstFree)
{
    /// <summary>The widest node of a page tree this writes.</summary>
    public const int PageTreeFanOut = 32;

    private readonly MemoryStream _bytes = new();
    private readonly SortedDictionary<long, long> _offsets = [];
    private readonly Dictionary<long, IToken> _latest = [];
    private int _next = firstFree;

    private long Offset => fileLength + _bytes.Length;

    /// <summary>A new object number.</summary>
    public IndirectReference Reserve() => new(_next++, 0);

    /// <summary>Writes object <paramref name="reference"/>: a new one, or a new version of one of the file's.</summary>
    public void Write(IndirectReference reference, IToken token)
    {
        if (_bytes.Length == 0) Ascii("\n"); // the file's %%EOF line may lack its end of line
        _offsets[reference.ObjectNumber] = Offset;
        _latest[reference.ObjectNumber] = token;
        Ascii($"{reference.ObjectNumber} {reference.Generation} obj\n");
        TokenWriter.Instance.WriteToken(token, _bytes);
        Ascii("\nendobj\n");
    }

    /// <summary>The object as this update last wrote it, or null when it has not written it (a later write wins).</summary>
    public IToken? Written(IndirectReference reference) => _latest.GetValueOrDefault(reference.ObjectNumber);

    /// <summary>
    /// Something a page tree node holds: a page, or a node of the file's tree with the pages under
    /// it. <paramref name="Data"/> is its dictionary, written again with its new /Parent.
    /// </summary>
    public sealed record TreeKid(IndirectReference Reference, int Pages, IReadOnlyDictionary<NameToken, IToken> Data);

    /// <summary>
    /// A new page tree over <paramref name="kids"/>, in their order: nodes of at most
    /// <see cref="PageTreeFanOut"/> kids, each kid written with its new /Parent. Returns the root.
    /// </summary>
    public IndirectReference PageTree(IReadOnlyList<TreeKid> kids)
    {
        if (kids.Count == 0) throw new ArgumentException("a page tree holds at least one page", nameof(kids));
        var parentOf = new Dictionary<IndirectReference, IndirectReference>();
        var nodes = new List<(IndirectReference Reference, List<IndirectReference> Kids, int Count)>();
        var level = kids.Select(k => (k.Reference, Count: k.Pages)).ToList();
        do
        {
            var next = new List<(IndirectReference Reference, int Count)>();
            foreach (var group in level.Chunk(PageTreeFanOut))
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

        foreach (var kid in kids)
        {
            var data = new Dictionary<NameToken, IToken>(kid.Data) { [NameToken.Parent] = new IndirectReferenceToken(parentOf[kid.Reference]) };
            Write(kid.Reference, new DictionaryToken(data));
        }
        foreach (var (reference, members, count) in nodes)
        {
            var data = new Dictionary<NameToken, IToken>
            {
                [NameToken.Type] = NameToken.Pages,
                [NameToken.Kids] = new ArrayToken(members.Select(k => (IToken)new IndirectReferenceToken(k)).ToList()),
                [NameToken.Count] = new NumericToken(count),
            };
            if (parentOf.TryGetValue(reference, out var parent)) data[NameToken.Parent] = new IndirectReferenceToken(parent);
            Write(reference, new DictionaryToken(data));
        }
        return level[0].Reference;
    }

    /// <summary>
    /// Appends the update to <paramref name="pdf"/>: the objects, the cross-reference section (one
    /// subsection per run of consecutive numbers) and a trailer that names <paramref name="root"/>
    /// and keeps the file's /Info and /ID.
    /// </summary>
    public void Finish(Stream pdf, IndirectReference root, DictionaryToken previousTrailer, long previousXref)
    {
        var xref = Offset;
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
        foreach (var key in new[] { NameToken.Info, NameToken.Id })
            if (previousTrailer.Data.TryGetValue(key.Data, out var value)) trailer[key] = value;
        Ascii("trailer\n");
        TokenWriter.Instance.WriteToken(new DictionaryToken(trailer), _bytes);
        Ascii($"\nstartxref\n{xref}\n%%EOF\n");

        if (pdf.Seek(0, SeekOrigin.End) != fileLength) throw new InvalidOperationException("the PDF changed while its update was written");
        _bytes.Position = 0;
        _bytes.CopyTo(pdf);
    }

    private void Ascii(string text) => _bytes.Write(Encoding.ASCII.GetBytes(text));
}
