using System.Xml;

namespace EbookBuilder.Epub;

/// <summary>Writes one XHTML content document around a body that the caller renders.</summary>
internal static class XhtmlPage
{
    public const string XhtmlNs = "http://www.w3.org/1999/xhtml";
    public const string OpsNs = "http://www.idpf.org/2007/ops";

    /// <summary>
    /// A page break of the typeset book (EPUB 3's pagebreak, ARIA's doc-pagebreak): an empty span
    /// with the page's number, which the navigation document's page-list links to.
    /// </summary>
    public static void PageBreak(XmlWriter w, int? page)
    {
        if (page is not { } number) return;
        w.WriteStartElement("span", XhtmlNs);
        w.WriteAttributeString("epub", "type", OpsNs, "pagebreak");
        w.WriteAttributeString("role", "doc-pagebreak");
        w.WriteAttributeString("id", PageId(number));
        w.WriteAttributeString("aria-label", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }

    public static string PageId(int page) => "page-" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A written page (UTF-8 XHTML) read back, whitespace kept, for a format to add its markup (Kobo's spans, a vertical book's).</summary>
    public static System.Xml.Linq.XDocument Load(byte[] xhtml) =>
        System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(xhtml), System.Xml.Linq.LoadOptions.PreserveWhitespace);

    /// <summary>A page read by <see cref="Load"/>, written again as UTF-8 without a byte-order mark.</summary>
    public static byte[] Save(System.Xml.Linq.XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = false }))
        {
            document.Save(writer);
        }
        return buffer.ToArray();
    }

    public static byte[] Write(string language, string title, string stylesheetHref, string? bodyClass, Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, XmlText.Settings()))
        {
            w.WriteStartDocument();
            w.WriteWhitespace("\n");
            w.WriteRaw("<!DOCTYPE html>"); // XmlWriter.WriteDocType would write "<!DOCTYPE html >"
            w.WriteWhitespace("\n");
            w.WriteStartElement("html", XhtmlNs);
            w.WriteAttributeString("xmlns", "epub", null, OpsNs);
            w.WriteAttributeString("xml", "lang", null, language);
            w.WriteAttributeString("lang", language);
            w.WriteWhitespace("\n");
            w.WriteStartElement("head", XhtmlNs);
            w.WriteStartElement("meta", XhtmlNs);
            w.WriteAttributeString("charset", "utf-8");
            w.WriteEndElement();
            w.WriteElementString("title", XhtmlNs, XmlText.Clean(title));
            w.WriteStartElement("link", XhtmlNs);
            w.WriteAttributeString("rel", "stylesheet");
            w.WriteAttributeString("type", "text/css");
            w.WriteAttributeString("href", stylesheetHref);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteWhitespace("\n");
            w.WriteStartElement("body", XhtmlNs);
            if (bodyClass is not null) w.WriteAttributeString("class", bodyClass);
            w.WriteWhitespace("\n");
            body(w);
            w.WriteEndElement();
            w.WriteWhitespace("\n");
            w.WriteEndElement();
            w.WriteWhitespace("\n");
            w.WriteEndDocument();
        }
        return buffer.ToArray();
    }
}
