using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EbookBuilder.Images.Converting;

/// <summary>
/// SVG may stay in an EPUB once it cannot run or fetch anything: scripts, foreign objects, event
/// handlers and references outside the file are removed. DTDs are refused (no entity expansion).
/// </summary>
internal static class SvgSanitizer
{
    public static bool LooksLikeSvg(ReadOnlySpan<byte> data)
    {
        var head = Encoding.UTF8.GetString(data[..Math.Min(data.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && head.Contains("<svg", StringComparison.OrdinalIgnoreCase));
    }

    public static byte[] Sanitize(byte[] data)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(data), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = 20_000_000,
            });
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new ImageRejectedException($"SVG is not well-formed XML ({e.Message})");
        }
        if (doc.Root is null || doc.Root.Name.LocalName != "svg") throw new ImageRejectedException("not an SVG document");
        doc.Descendants().Where(e => e.Name.LocalName is "script" or "foreignObject" or "iframe").ToList().ForEach(e => e.Remove());
        foreach (var element in doc.Descendants())
        {
            foreach (var attribute in element.Attributes().ToList())
            {
                var name = attribute.Name.LocalName;
                var external = name is "href" && !(attribute.Value.StartsWith('#') || attribute.Value.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase));
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || external) attribute.Remove();
            }
        }
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) })) doc.Save(writer);
        return output.ToArray();
    }
}
