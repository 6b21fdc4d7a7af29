using System.Xml;
using System.Xml.Linq;
using ICSharpCode.SharpZipLib.Zip;

namespace EbookBuilder.Kindle;

/// <summary>A manifest item: its path in the archive, media type and properties.</summary>
internal sealed record PackageItem(string Id, string Path, string MediaType, string Properties);

/// <summary>An entry of the table of contents, with its children.</summary>
internal sealed record TocEntry(string Label, string Target, IReadOnlyList<TocEntry> Children);

/// <summary>
/// An EPUB read back for conversion (calibre's and KindleGen's model: the KF8 book is made from
/// the EPUB): its files, the package document's metadata, manifest and spine, the NCX's table of
/// contents and the navigation document's landmarks. Only the XML parser reads markup.
/// </summary>
internal sealed class EpubPackage : IDisposable
{
    public static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Ncx = "http://www.daisy.org/z3986/2005/ncx/";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Ops = "http://www.idpf.org/2007/ops";

    private readonly ZipFile _zip;

    /// <param name="epub">The EPUB; read while the package is used, which then disposes of it.</param>
    public EpubPackage(Stream epub)
    {
        _zip = new ZipFile(epub, leaveOpen: true);

        var container = Xml(File("META-INF/container.xml"));
        XNamespace cn = "urn:oasis:names:tc:opendocument:xmlns:container";
        PackagePath = container.Descendants(cn + "rootfile").First().Attribute("full-path")!.Value;
        var opf = Xml(File(PackagePath));
        var metadata = opf.Root!.Element(Opf + "metadata")!;

        string? Dc1(string name) => metadata.Elements(Dc + name).Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0);
        var titles = metadata.Elements(Dc + "title").ToList();
        Title = (titles.FirstOrDefault(t => Refines(metadata, t, "title-type") == "main") ?? titles.FirstOrDefault())?.Value.Trim() ?? "";
        Subtitle = titles.FirstOrDefault(t => Refines(metadata, t, "title-type") == "subtitle")?.Value.Trim();
        Creators = [.. metadata.Elements(Dc + "creator").Select(e => e.Value.Trim()).Where(v => v.Length > 0)];
        Language = Dc1("language") ?? "und";
        Publisher = Dc1("publisher");
        Description = Dc1("description");
        Date = Dc1("date");
        Subjects = [.. metadata.Elements(Dc + "subject").Select(e => e.Value.Trim()).Where(v => v.Length > 0)];
        var uid = opf.Root.Attribute("unique-identifier")?.Value;
        Identifier = metadata.Elements(Dc + "identifier").FirstOrDefault(e => (string?)e.Attribute("id") == uid)?.Value.Trim()
            ?? Dc1("identifier") ?? Title;
        var collection = metadata.Elements(Opf + "meta").FirstOrDefault(m => (string?)m.Attribute("property") == "belongs-to-collection");
        if (collection is not null)
        {
            Series = collection.Value.Trim();
            SeriesIndex = Refines(metadata, collection, "group-position");
        }

        var baseDir = PackagePath.Contains('/') ? PackagePath[..(PackagePath.LastIndexOf('/') + 1)] : "";
        var manifest = opf.Root.Element(Opf + "manifest")!.Elements(Opf + "item")
            .Select(i => new PackageItem(i.Attribute("id")!.Value, Resolve(baseDir, Uri.UnescapeDataString(i.Attribute("href")!.Value)),
                i.Attribute("media-type")!.Value, (string?)i.Attribute("properties") ?? ""))
            .ToList();
        Manifest = manifest;
        var byId = manifest.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var spine = opf.Root.Element(Opf + "spine")!;
        PageProgression = (string?)spine.Attribute("page-progression-direction");
        WritingMode = (string?)metadata.Elements(Opf + "meta").FirstOrDefault(m => (string?)m.Attribute("name") == "primary-writing-mode")?.Attribute("content");
        Spine = [.. spine.Elements(Opf + "itemref").Select(r => byId[r.Attribute("idref")!.Value])];

        var coverId = metadata.Elements(Opf + "meta").FirstOrDefault(m => (string?)m.Attribute("name") == "cover")?.Attribute("content")?.Value;
        Cover = manifest.FirstOrDefault(i => i.Properties.Split(' ').Contains("cover-image"))
            ?? (coverId is not null && byId.TryGetValue(coverId, out var c) ? c : null);

        var ncxItem = (string?)spine.Attribute("toc") is { } tocId && byId.TryGetValue(tocId, out var n) ? n
            : manifest.FirstOrDefault(i => i.MediaType == "application/x-dtbncx+xml");
        if (ncxItem is not null)
        {
            var ncx = Xml(File(ncxItem.Path));
            var ncxDir = Directory(ncxItem.Path);
            Toc = [.. ncx.Root!.Element(Ncx + "navMap")?.Elements(Ncx + "navPoint").Select(p => Point(p, ncxDir)) ?? []];
        }

        var nav = manifest.FirstOrDefault(i => i.Properties.Split(' ').Contains("nav"));
        if (nav is not null)
        {
            var doc = Xml(File(nav.Path));
            var navDir = Directory(nav.Path);
            foreach (var landmarks in doc.Descendants(Xhtml + "nav").Where(e => (string?)e.Attribute(Ops + "type") == "landmarks"))
            {
                foreach (var a in landmarks.Descendants(Xhtml + "a"))
                {
                    if ((string?)a.Attribute(Ops + "type") is { } type && (string?)a.Attribute("href") is { } href)
                        Landmarks[type] = (a.Value.Trim(), Resolve(navDir, href));
                }
            }
            Toc ??= [];
        }
        Toc ??= [];
    }

    public string PackagePath { get; }
    public string Title { get; }
    public string? Subtitle { get; }
    public IReadOnlyList<string> Creators { get; }
    public string Language { get; }
    public string? Publisher { get; }
    public string? Description { get; }
    public string? Date { get; }
    public IReadOnlyList<string> Subjects { get; }
    public string Identifier { get; }
    public string? Series { get; }
    public string? SeriesIndex { get; }
    public string? PageProgression { get; }

    /// <summary>The book's writing mode as KindleGen reads it from the package (<c>&lt;meta name="primary-writing-mode" content="vertical-rl"/&gt;</c>), or null.</summary>
    public string? WritingMode { get; }
    public IReadOnlyList<PackageItem> Manifest { get; }
    public IReadOnlyList<PackageItem> Spine { get; }
    public PackageItem? Cover { get; }
    public IReadOnlyList<TocEntry> Toc { get; }

    /// <summary>The navigation document's landmarks by type ("bodymatter", "toc"): title and target.</summary>
    public Dictionary<string, (string Title, string Target)> Landmarks { get; } = new(StringComparer.Ordinal);

    /// <summary>A file of the archive, read from it each time it is asked for.</summary>
    public byte[] File(string path)
    {
        var entry = _zip.GetEntry(path) ?? throw new InvalidDataException($"the EPUB has no file '{path}'");
        using var s = _zip.GetInputStream(entry);
        var bytes = new byte[entry.Size];
        s.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>A file's size, as the archive gives it.</summary>
    public long Size(string path) => _zip.GetEntry(path)?.Size ?? 0;

    public bool Has(string path) => _zip.GetEntry(path) is { IsFile: true };

    public void Dispose() => ((IDisposable)_zip).Dispose();

    /// <summary>Parses an XML file of the package (no DTD is read or fetched).</summary>
    public static XDocument Xml(byte[] bytes, LoadOptions options = LoadOptions.None)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
        return XDocument.Load(reader, options);
    }

    /// <summary>The folder of a path in the archive, with its slash ("" at the root).</summary>
    public static string Directory(string path) => path.Contains('/') ? path[..(path.LastIndexOf('/') + 1)] : "";

    /// <summary>A relative reference resolved against a folder of the archive; the fragment kept.</summary>
    public static string Resolve(string directory, string href)
    {
        var hash = href.IndexOf('#');
        var fragment = hash >= 0 ? href[hash..] : "";
        var path = hash >= 0 ? href[..hash] : href;
        if (path.Length == 0) return fragment;
        var parts = new List<string>(directory.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in path.Split('/'))
        {
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (part != "." && part.Length > 0) parts.Add(part);
        }
        return string.Join('/', parts) + fragment;
    }

    private static string? Refines(XElement metadata, XElement target, string property)
    {
        var id = (string?)target.Attribute("id");
        if (id is null) return null;
        return metadata.Elements(Opf + "meta")
            .FirstOrDefault(m => (string?)m.Attribute("refines") == "#" + id && (string?)m.Attribute("property") == property)?.Value.Trim();
    }

    private static TocEntry Point(XElement point, string directory) => new(
        point.Element(Ncx + "navLabel")?.Element(Ncx + "text")?.Value.Trim() ?? "",
        Resolve(directory, Uri.UnescapeDataString(point.Element(Ncx + "content")?.Attribute("src")?.Value ?? "")),
        [.. point.Elements(Ncx + "navPoint").Select(p => Point(p, directory))]);
}
