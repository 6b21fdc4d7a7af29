using System.Text;
using System.Xml.Linq;
using static EbookBuilder.Kindle.MobiEncoding;

namespace EbookBuilder.Kindle;

/// <summary>A skeleton: one XHTML file with its body's content taken out.</summary>
internal sealed record SkeletonEntry(int File, int ChunkCount, long Start, long Length);

/// <summary>A fragment (chunk) of a file's content, inserted into the skeleton at <see cref="InsertPosition"/>.</summary>
internal sealed record FragmentEntry(long InsertPosition, string Selector, int File, int Sequence, long Start, long Length);

/// <summary>A position in the text: the fragment, the offset in it, and the offset in the assembled text.</summary>
internal readonly record struct TextPosition(int Fragment, long Offset, long Absolute);

/// <summary>
/// The KF8 text (flow 0): each spine file as a skeleton (the file without its body's content)
/// followed by its fragments of up to 8 KB, with <c>aid</c> attributes on the elements links and
/// the contents point at, internal links as <c>kindle:pos:fid:…:off:…</c>, images as
/// <c>kindle:embed:…</c> and stylesheets as <c>kindle:flow:…</c>. The same shape KindleGen and
/// calibre write; a reader rebuilds each file by inserting its fragments back.
/// </summary>
internal sealed class Kf8Text
{
    public const int ChunkSize = 8192;
    private const string Placeholder = "kindle:pos:fid:0000:off:0000000000";

    private static readonly HashSet<string> AidTags =
    [
        "a", "abbr", "address", "article", "aside", "audio", "b", "bdo", "blockquote", "body", "button", "cite", "code",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "footer", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hgroup", "i", "ins", "kbd", "label", "legend", "li", "map", "mark", "meter",
        "nav", "ol", "output", "p", "pre", "progress", "q", "rp", "rt", "samp", "section", "select", "small", "span",
        "strong", "sub", "summary", "sup", "textarea", "time", "ul", "var", "video",
    ];

    private static readonly HashSet<string> VoidTags =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

    private readonly Dictionary<string, TextPosition> _anchors = new(StringComparer.Ordinal);
    private readonly Func<string, string?> _resource;
    private readonly Func<string, string?> _stylesheet;
    private readonly HashSet<string> _files;

    /// <param name="paths">The spine's files in order, by their paths in the archive.</param>
    /// <param name="load">Reads a file (one at a time: each is let go once split).</param>
    /// <param name="resource">An image's path → its <c>kindle:embed</c> or <c>kindle:flow</c> reference.</param>
    /// <param name="stylesheet">A stylesheet's path → its <c>kindle:flow</c> reference.</param>
    /// <param name="text">Where the text is written (from its start); the book's other flows may follow it.</param>
    public Kf8Text(IReadOnlyList<string> paths, Func<string, XDocument> load, Func<string, string?> resource, Func<string, string?> stylesheet, MemoryStream text)
    {
        _resource = resource;
        _stylesheet = stylesheet;
        _files = [.. paths];

        // Lay the files out as each is split: its skeleton, then its fragments, in one text.
        var sequence = 0;
        var linkPatches = new List<(long At, string Target)>();
        var skeletonAnchors = new List<(string Key, long Absolute)>();
        long assembled = 0;
        for (var i = 0; i < paths.Count; i++)
        {
            var file = Split(i, paths[i], load(paths[i]));
            var start = text.Length;
            text.Write(file.Skeleton.Bytes.GetBuffer(), 0, (int)file.Skeleton.Bytes.Length);
            linkPatches.AddRange(file.Skeleton.Links.Select(l => (start + l.Offset, l.Target)));
            long chunkStart = 0;
            long inserted = 0;
            foreach (var chunk in file.Chunks)
            {
                var insert = assembled + chunk.SkeletonOffset + inserted;
                Fragments.Add(new FragmentEntry(insert, chunk.Selector, file.Index, sequence, chunkStart, chunk.Buffer.Bytes.Length));
                foreach (var (key, offset) in chunk.Buffer.Anchors) _anchors.TryAdd(key, new TextPosition(sequence, offset, insert + offset));
                var at = text.Length;
                text.Write(chunk.Buffer.Bytes.GetBuffer(), 0, (int)chunk.Buffer.Bytes.Length);
                linkPatches.AddRange(chunk.Buffer.Links.Select(l => (at + l.Offset, l.Target)));
                chunkStart += chunk.Buffer.Bytes.Length;
                inserted += chunk.Buffer.Bytes.Length;
                sequence++;
            }
            foreach (var (key, offset) in file.Skeleton.Anchors)
            {
                var before = file.Chunks.Where(c => c.SkeletonOffset <= offset).Sum(c => c.Buffer.Bytes.Length);
                skeletonAnchors.Add((key, assembled + offset + before));
            }
            Skeletons.Add(new SkeletonEntry(file.Index, file.Chunks.Count, assembled, file.Skeleton.Bytes.Length));
            assembled += file.Skeleton.Bytes.Length + inserted;
        }

        // An anchor in a skeleton (a body, an element stepped into) points at the fragment after it.
        foreach (var (key, absolute) in skeletonAnchors)
        {
            var next = FirstAfter(absolute);
            var position = next is not null ? new TextPosition(next.Sequence, 0, absolute)
                : Fragments.Count > 0 ? new TextPosition(Fragments[^1].Sequence, Math.Max(0, absolute - Fragments[^1].InsertPosition), absolute)
                : new TextPosition(0, 0, absolute);
            _anchors.TryAdd(key, position);
        }

        Length = text.Length;
        var bytes = text.GetBuffer();
        foreach (var (at, target) in linkPatches)
        {
            var position = Position(target);
            var reference = Encoding.ASCII.GetBytes($"kindle:pos:fid:{Base32(position.Fragment, 4)}:off:{Base32(position.Offset, 10)}");
            reference.CopyTo(bytes, at);
        }
    }

    /// <summary>The text's length in bytes (skeletons and fragments as stored).</summary>
    public long Length { get; }

    /// <summary>The first fragment inserted after <paramref name="absolute"/> (fragments are in text order).</summary>
    private FragmentEntry? FirstAfter(long absolute)
    {
        int lo = 0, hi = Fragments.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Fragments[mid].InsertPosition > absolute) hi = mid;
            else lo = mid + 1;
        }
        return lo < Fragments.Count ? Fragments[lo] : null;
    }

    public List<SkeletonEntry> Skeletons { get; } = [];

    public List<FragmentEntry> Fragments { get; } = [];

    /// <summary>Where a target ("text/a.xhtml#id", "text/a.xhtml") is; the file's start when the id is unknown.</summary>
    public TextPosition Position(string target)
    {
        if (_anchors.TryGetValue(target, out var p)) return p;
        var hash = target.IndexOf('#');
        var file = hash >= 0 ? target[..hash] : target;
        if (_anchors.TryGetValue(file + "#", out p)) return p;
        return Fragments.Count > 0 ? new TextPosition(Fragments[0].Sequence, 0, Fragments[0].InsertPosition) : default;
    }

    /// <summary>The size of the assembled text (every file rebuilt).</summary>
    public long AssembledLength => Skeletons.Sum(s => s.Length) + Fragments.Sum(f => f.Length);

    private sealed class Buffer
    {
        public MemoryStream Bytes { get; } = new();
        public List<(string Key, long Offset)> Anchors { get; } = [];
        public List<(string Target, long Offset)> Links { get; } = [];

        public void Write(string s) => Bytes.Write(Encoding.UTF8.GetBytes(s));

        public void Append(Buffer other)
        {
            var shift = Bytes.Length;
            Bytes.Write(other.Bytes.GetBuffer(), 0, (int)other.Bytes.Length);
            Anchors.AddRange(other.Anchors.Select(a => (a.Key, a.Offset + shift)));
            Links.AddRange(other.Links.Select(l => (l.Target, l.Offset + shift)));
        }
    }

    private sealed class Chunk(Buffer buffer, long skeletonOffset, string selector)
    {
        public Buffer Buffer { get; } = buffer;
        public long SkeletonOffset { get; } = skeletonOffset;
        public string Selector { get; } = selector;
    }

    private sealed record FileParts(int Index, Buffer Skeleton, List<Chunk> Chunks);

    private FileParts Split(int index, string path, XDocument document)
    {
        var root = document.Root ?? throw new InvalidDataException($"'{path}' has no root element");
        foreach (var node in root.DescendantNodes().Where(n => n is XComment or XProcessingInstruction).ToList()) node.Remove();
        AssignAids(index, path, root);

        var skeleton = new Buffer();
        var chunks = new List<Chunk>();
        skeleton.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        var body = root.Element(EpubPackage.Xhtml + "body") ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "body");
        WriteElement(root, skeleton, path, e => e == body
            ? () =>
            {
                StepInto(body!, skeleton, chunks, path);
                if (chunks.Count == 0)
                {
                    // A reader needs a fragment in every file: an empty body gets an empty paragraph.
                    var empty = new Buffer();
                    empty.Write("<p></p>");
                    AddChunk(chunks, skeleton, empty, $"P-//*[@aid='{(string?)body!.Attribute("aid")}']");
                }
            }
            : null);
        skeleton.Write("\n");
        return new FileParts(index, skeleton, chunks);
    }

    private static void AssignAids(int file, string path, XElement root)
    {
        var next = file * 1_000_000L;
        var cid = 0;
        foreach (var element in root.Descendants())
        {
            element.Attribute("aid")?.Remove();
            element.Attribute("cid")?.Remove();
            var id = (string?)element.Attribute("id");
            var name = element.Name.LocalName;
            var inTable = name == "table" || element.Ancestors().Any(a => a.Name.LocalName == "table");
            if (id is null && !AidTags.Contains(name)) continue;
            if (inTable)
            {
                // KindleGen marks nothing inside a table but the targets of links, with cid.
                if (id is not null) element.SetAttributeValue("cid", "c" + file + "x" + ++cid);
                continue;
            }
            element.SetAttributeValue("aid", Base32(next++));
        }
    }

    private void StepInto(XElement element, Buffer skeleton, List<Chunk> chunks, string path)
    {
        var selector = $"P-//*[@aid='{(string?)element.Attribute("aid")}']";
        foreach (var node in element.Nodes())
        {
            if (node is XText text)
            {
                if (string.IsNullOrWhiteSpace(text.Value)) { skeleton.Write(Escape(text.Value, false)); continue; }
                var b = new Buffer();
                b.Write(Escape(text.Value, false));
                AddChunk(chunks, skeleton, b, selector);
                continue;
            }
            if (node is not XElement child || IsHidden(child)) continue;
            var buffer = new Buffer();
            WriteElement(child, buffer, path, _ => null);
            if (buffer.Bytes.Length > ChunkSize && child.Attribute("aid") is not null && child.Elements().Any())
            {
                WriteElement(child, skeleton, path, e => e == child ? () => StepInto(child, skeleton, chunks, path) : null);
                selector = $"S-//*[@aid='{(string?)child.Attribute("aid")}']";
            }
            else
            {
                AddChunk(chunks, skeleton, buffer, selector);
            }
        }
    }

    private static void AddChunk(List<Chunk> chunks, Buffer skeleton, Buffer buffer, string selector)
    {
        var last = chunks.Count > 0 ? chunks[^1] : null;
        if (last is not null && last.SkeletonOffset == skeleton.Bytes.Length && last.Buffer.Bytes.Length + buffer.Bytes.Length <= ChunkSize)
        {
            last.Buffer.Append(buffer);
            return;
        }
        chunks.Add(new Chunk(buffer, skeleton.Bytes.Length, selector));
    }

    private static bool IsHidden(XElement element) => element.Attribute("hidden") is not null;

    /// <summary>
    /// Writes an element as KF8 markup: no namespaces, void elements self-closed and others never,
    /// references rewritten; <paramref name="inside"/> may take over an element's content.
    /// </summary>
    private void WriteElement(XElement element, Buffer output, string path, Func<XElement, Action?> inside)
    {
        var name = element.Name.LocalName;
        if ((string?)element.Attribute("aid") is { } aid) output.Anchors.Add((KeyOf(element, path), output.Bytes.Length));
        if ((string?)element.Attribute("id") is { } id && element.Attribute("aid") is null) output.Anchors.Add((path + "#" + id, output.Bytes.Length));
        if (name == "body") output.Anchors.Add((path + "#", output.Bytes.Length));

        output.Write("<" + name);
        if (element.Parent is null) output.Write(" xmlns=\"http://www.w3.org/1999/xhtml\"");
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration) continue;
            if (attribute.Name.Namespace != XNamespace.None) continue; // epub:type, xml:lang (lang is kept)
            var attributeName = attribute.Name.LocalName;
            if (attributeName is "aid" or "cid") continue;
            var value = attribute.Value;
            string? link = null;
            if (name == "img" && attributeName == "src" && !IsAbsolute(value))
                value = _resource(EpubPackage.Resolve(EpubPackage.Directory(path), Uri.UnescapeDataString(value))) ?? value;
            else if (name == "link" && attributeName == "href" && !IsAbsolute(value))
                value = _stylesheet(EpubPackage.Resolve(EpubPackage.Directory(path), Uri.UnescapeDataString(value))) ?? value;
            else if (name == "a" && attributeName == "href" && !IsAbsolute(value))
            {
                var target = value.StartsWith('#') ? path + value : EpubPackage.Resolve(EpubPackage.Directory(path), Uri.UnescapeDataString(value));
                var file = target.Contains('#') ? target[..target.IndexOf('#')] : target;
                if (_files.Contains(file)) link = target;
            }
            output.Write(" " + attributeName + "=\"");
            if (link is not null)
            {
                output.Links.Add((link, output.Bytes.Length));
                output.Write(Placeholder);
            }
            else
            {
                output.Write(Escape(value, true));
            }
            output.Write("\"");
        }
        foreach (var marker in new[] { "aid", "cid" })
        {
            if ((string?)element.Attribute(marker) is { } v) output.Write(" " + marker + "=\"" + v + "\"");
        }
        if (VoidTags.Contains(name))
        {
            output.Write("/>");
            return;
        }
        output.Write(">");
        if (inside(element) is { } takeOver)
        {
            takeOver();
        }
        else
        {
            foreach (var node in element.Nodes())
            {
                if (node is XText text) output.Write(Escape(text.Value, false));
                else if (node is XElement child && !IsHidden(child)) WriteElement(child, output, path, inside);
            }
        }
        output.Write("</" + name + ">");
    }

    private static string KeyOf(XElement element, string path) =>
        (string?)element.Attribute("id") is { } id ? path + "#" + id : path + "#@" + (string?)element.Attribute("aid");

    private static bool IsAbsolute(string reference) =>
        reference.StartsWith("//", StringComparison.Ordinal) || (reference.IndexOf(':') is > 0 and var colon && reference.IndexOfAny(['/', '#', '?']) is var s && (s < 0 || s > colon));

    private static string Escape(string s, bool attribute)
    {
        if (s.AsSpan().IndexOfAny(attribute ? "&<>\"" : "&<>") < 0) return s;
        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"' when attribute: sb.Append("&quot;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
