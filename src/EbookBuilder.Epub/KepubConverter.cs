using System.Xml;
using System.Xml.Linq;
using ICSharpCode.SharpZipLib.Zip;

namespace EbookBuilder.Epub;

/// <summary>
/// Makes a KEPUB of an EPUB already written (for <c>ebook sideload</c>, when a Kobo is found and
/// only the EPUB was built): every content page of the spine but the navigation document gets
/// Kobo's wrappers and sentence spans (<see cref="KoboSpans"/>); every other file is copied as it is.
/// </summary>
public static class KepubConverter
{
    private static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";

    public static void Convert(Stream epub, Stream output)
    {
        using var zip = new ZipFile(epub, leaveOpen: true);
        var container = Xml(Read(zip, "META-INF/container.xml"));
        XNamespace cn = "urn:oasis:names:tc:opendocument:xmlns:container";
        var packagePath = container.Descendants(cn + "rootfile").First().Attribute("full-path")!.Value;
        var opf = Xml(Read(zip, packagePath));
        var baseDir = packagePath.Contains('/') ? packagePath[..(packagePath.LastIndexOf('/') + 1)] : "";
        var items = opf.Root!.Element(Opf + "manifest")!.Elements(Opf + "item").ToDictionary(i => i.Attribute("id")!.Value);
        var pages = opf.Root.Element(Opf + "spine")!.Elements(Opf + "itemref")
            .Select(r => items[r.Attribute("idref")!.Value])
            .Where(i => i.Attribute("media-type")?.Value == "application/xhtml+xml" && !((string?)i.Attribute("properties") ?? "").Split(' ').Contains("nav"))
            .Select(i => baseDir + Uri.UnescapeDataString(i.Attribute("href")!.Value))
            .ToHashSet(StringComparer.Ordinal);

        var time = zip.GetEntry("mimetype")?.DateTime ?? new DateTime(2000, 1, 1);
        using var archive = new EpubArchive(output, new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)));
        foreach (ZipEntry entry in zip)
        {
            if (!entry.IsFile || entry.Name == "mimetype") continue;
            var bytes = Read(zip, entry.Name);
            if (pages.Contains(entry.Name)) bytes = KoboSpans.Add(bytes);
            archive.Add(entry.Name, bytes, compress: entry.CompressionMethod != CompressionMethod.Stored);
        }
    }

    private static byte[] Read(ZipFile zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"the EPUB has no file '{name}'");
        using var s = zip.GetInputStream(entry);
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    private static XDocument Xml(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        return XDocument.Load(reader);
    }
}
