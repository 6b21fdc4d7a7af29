using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace EbookBuilder.Pdf.Update;

/// <summary>
/// Moves the last pages of a file's page tree to follow its first ones: Skia writes pages in the
/// order they are drawn (cover, chapters, contents), readers see cover, contents, chapters. Only
/// what changes is rewritten: the pages that move and the cover before them go under a new root
/// in front of the old one, and the old tree's nodes on the way to them lose them (their /Kids and
/// /Count). For a 2,000-page book that is some thirty objects read and written, not every page.
/// </summary>
internal sealed class PageTreeMove(PdfObjectReader file, UpdateWriter update)
{
    /// <summary>The attributes a page inherits from its ancestors when it has none of its own (ISO 32000-1, 7.7.3.4).</summary>
    private static readonly string[] Inheritable = ["Resources", "MediaBox", "CropBox", "Rotate"];

    private readonly HashSet<IndirectReference> _seen = [];

    /// <summary>A page: its reference, its dictionary, and what it inherits from the nodes above it.</summary>
    private sealed record PageObject(IndirectReference Reference, DictionaryToken Dictionary, IReadOnlyDictionary<string, IToken> Inherited);

    /// <summary>
    /// Puts the last <paramref name="moved"/> pages of the tree at <paramref name="root"/> after its
    /// first <paramref name="front"/>. Returns the root of the tree in the new order: the old root
    /// when the order does not change.
    /// </summary>
    public IndirectReference Apply(IndirectReference root, int front, int moved)
    {
        var node = file.Dictionary(root);
        var total = Count(node, root);
        if (front < 0 || moved < 0 || front + moved > total)
            throw new ArgumentException($"{front} pages stay in front and {moved} move, the file has {total}");
        if (moved == 0 || front + moved == total) return root;

        var first = new List<PageObject>();
        var last = new List<PageObject>();
        var rest = Prune(root, node, new Dictionary<string, IToken>(), front, moved, first, last);
        var kids = first.Concat(last)
            .Select(page => new UpdateWriter.TreeKid(page.Reference, 1, WithInherited(page)))
            .Append(new UpdateWriter.TreeKid(root, total - front - moved, rest))
            .ToList();
        return update.PageTree(kids);
    }

    /// <summary>
    /// The node at <paramref name="reference"/> without its first <paramref name="fromFront"/> and
    /// last <paramref name="fromBack"/> pages, which are added to <paramref name="first"/> and
    /// <paramref name="last"/> in page order. Nodes below it that lose pages are written again;
    /// the node itself is returned for the caller to write.
    /// </summary>
    private Dictionary<NameToken, IToken> Prune(IndirectReference reference, DictionaryToken node, IReadOnlyDictionary<string, IToken> inherited,
        int fromFront, int fromBack, List<PageObject> first, List<PageObject> last)
    {
        Visit(reference);
        var passed = Passed(node, inherited);
        var total = Count(node, reference);
        var kept = new List<IToken>();
        var position = 0;
        foreach (var kid in Kids(node, reference))
        {
            var data = file.Dictionary(kid);
            var pages = IsNode(data) ? Count(data, kid) : 1;
            var cutFront = Math.Clamp(fromFront - position, 0, pages);
            var cutBack = Math.Clamp(position + pages - (total - fromBack), 0, pages);
            position += pages;
            if (cutFront == 0 && cutBack == 0)
            {
                kept.Add(new IndirectReferenceToken(kid));
            }
            else if (cutFront + cutBack >= pages)
            {
                var all = new List<PageObject>();
                Collect(kid, data, passed, all);
                first.AddRange(all.Take(cutFront));
                last.AddRange(all.Skip(cutFront));
            }
            else
            {
                update.Write(kid, new DictionaryToken(Prune(kid, data, passed, cutFront, cutBack, first, last)));
                kept.Add(new IndirectReferenceToken(kid));
            }
        }
        if (position != total) throw new InvalidDataException($"page tree node {reference} counts {total} pages, its kids hold {position}");

        var pruned = Copy(node);
        pruned[NameToken.Kids] = new ArrayToken(kept);
        pruned[NameToken.Count] = new NumericToken(total - fromFront - fromBack);
        return pruned;
    }

    /// <summary>Every page under <paramref name="reference"/>, in order.</summary>
    private void Collect(IndirectReference reference, DictionaryToken data, IReadOnlyDictionary<string, IToken> inherited, List<PageObject> pages)
    {
        Visit(reference);
        if (!IsNode(data))
        {
            pages.Add(new PageObject(reference, data, inherited));
            return;
        }
        var passed = Passed(data, inherited);
        foreach (var kid in Kids(data, reference)) Collect(kid, file.Dictionary(kid), passed, pages);
    }

    /// <summary>A page's dictionary with what it inherited from the old tree, so it needs nothing of it under its new parent.</summary>
    private static Dictionary<NameToken, IToken> WithInherited(PageObject page)
    {
        var data = Copy(page.Dictionary);
        foreach (var (key, value) in page.Inherited) data.TryAdd(NameToken.Create(key), value);
        return data;
    }

    private static Dictionary<string, IToken> Passed(DictionaryToken node, IReadOnlyDictionary<string, IToken> inherited)
    {
        var passed = new Dictionary<string, IToken>(inherited);
        foreach (var key in Inheritable)
            if (node.Data.TryGetValue(key, out var value)) passed[key] = value;
        return passed;
    }

    private static Dictionary<NameToken, IToken> Copy(DictionaryToken dictionary) =>
        dictionary.Data.ToDictionary(p => NameToken.Create(p.Key), p => p.Value);

    private static bool IsNode(DictionaryToken data) => data.Data.ContainsKey(NameToken.Kids.Data);

    private static IEnumerable<IndirectReference> Kids(DictionaryToken node, IndirectReference reference) =>
        node.Data.GetValueOrDefault(NameToken.Kids.Data) is ArrayToken kids
            ? kids.Data.Select(k => k is IndirectReferenceToken r ? r.Data : throw new InvalidDataException($"page tree node {reference} has a kid that is not a reference"))
            : throw new InvalidDataException($"page tree node {reference} has no /Kids");

    private static int Count(DictionaryToken node, IndirectReference reference) =>
        node.Data.GetValueOrDefault(NameToken.Count.Data) is NumericToken { Int: >= 0 } count ? count.Int
            : throw new InvalidDataException($"page tree node {reference} has no /Count");

    /// <summary>A malformed tree that reaches a node twice stops here instead of going round.</summary>
    private void Visit(IndirectReference reference)
    {
        if (!_seen.Add(reference)) throw new InvalidDataException($"the page tree reaches object {reference} twice");
    }
}
