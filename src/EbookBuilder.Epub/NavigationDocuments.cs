using System.Globalization;
using System.Xml;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Epub;

/// <summary>The EPUB 3 navigation document (toc and landmarks) and the NCX for older readers.</summary>
internal static class NavigationDocuments
{
    private const string Ns = XhtmlPage.XhtmlNs;
    private const string NcxNs = "http://www.daisy.org/z3986/2005/ncx/";

    public static byte[] Nav(EpubLayout layout, string title, string language, Labels labels, bool hasCover = false, IReadOnlyList<(int Page, string Href)>? pages = null)
    {
        return XhtmlPage.Write(language, labels.Contents, EpubLayout.StylesheetHref, "nav-page", w =>
        {
            w.WriteStartElement("nav", Ns);
            w.WriteAttributeString("epub", "type", XhtmlPage.OpsNs, "toc");
            w.WriteAttributeString("role", "doc-toc");
            w.WriteAttributeString("id", "toc");
            w.WriteElementString("h1", Ns, labels.Contents);
            w.WriteStartElement("ol", Ns);
            foreach (var chapter in layout.Chapters)
            {
                w.WriteStartElement("li", Ns);
                Anchor(w, chapter.Href, chapter.Chapter.Title);
                w.WriteStartElement("ol", Ns);
                foreach (var article in chapter.Articles)
                {
                    w.WriteStartElement("li", Ns);
                    Anchor(w, article.Href, article.Article.Title);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteWhitespace("\n");
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteWhitespace("\n");

            if (pages is { Count: > 0 })
            {
                // The typeset book's pages, for citations by page and "go to page" (hidden: a list
                // for the reader's menu, not for the page).
                w.WriteStartElement("nav", Ns);
                w.WriteAttributeString("epub", "type", XhtmlPage.OpsNs, "page-list");
                w.WriteAttributeString("role", "doc-pagelist");
                w.WriteAttributeString("hidden", "hidden");
                w.WriteStartElement("ol", Ns);
                foreach (var (page, href) in pages)
                {
                    w.WriteStartElement("li", Ns);
                    Anchor(w, href, page.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteWhitespace("\n");
            }

            w.WriteStartElement("nav", Ns);
            w.WriteAttributeString("epub", "type", XhtmlPage.OpsNs, "landmarks");
            w.WriteAttributeString("hidden", "hidden");
            w.WriteStartElement("ol", Ns);
            if (hasCover) Landmark(w, "cover", EpubLayout.CoverHref, labels.Cover);
            Landmark(w, "titlepage", EpubLayout.TitleHref, labels.TitlePage);
            Landmark(w, "toc", EpubLayout.NavHref + "#toc", labels.Contents);
            if (layout.Chapters.Count > 0) Landmark(w, "bodymatter", layout.Chapters[0].Href, labels.Start);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteWhitespace("\n");
        });
    }

    public static byte[] Ncx(EpubLayout layout, string identifier, string title)
    {
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, XmlText.Settings(indent: true)))
        {
            w.WriteStartDocument();
            w.WriteStartElement("ncx", NcxNs);
            w.WriteAttributeString("version", "2005-1");
            w.WriteStartElement("head", NcxNs);
            NcxMeta(w, "dtb:uid", identifier);
            NcxMeta(w, "dtb:depth", "2");
            NcxMeta(w, "dtb:totalPageCount", "0");
            NcxMeta(w, "dtb:maxPageNumber", "0");
            w.WriteEndElement();
            w.WriteStartElement("docTitle", NcxNs);
            w.WriteElementString("text", NcxNs, XmlText.Clean(title));
            w.WriteEndElement();
            w.WriteStartElement("navMap", NcxNs);
            var order = 0;
            foreach (var chapter in layout.Chapters)
            {
                NavPointStart(w, chapter.Id, ++order, chapter.Chapter.Title, chapter.Href);
                foreach (var article in chapter.Articles)
                {
                    NavPointStart(w, article.Id, ++order, article.Article.Title, article.Href);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void NavPointStart(XmlWriter w, string id, int order, string label, string href)
    {
        w.WriteStartElement("navPoint", NcxNs);
        w.WriteAttributeString("id", "np-" + id);
        w.WriteAttributeString("playOrder", order.ToString(CultureInfo.InvariantCulture));
        w.WriteStartElement("navLabel", NcxNs);
        w.WriteElementString("text", NcxNs, XmlText.Clean(label));
        w.WriteEndElement();
        w.WriteStartElement("content", NcxNs);
        w.WriteAttributeString("src", href);
        w.WriteEndElement();
    }

    private static void NcxMeta(XmlWriter w, string name, string content)
    {
        w.WriteStartElement("meta", NcxNs);
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("content", XmlText.Clean(content));
        w.WriteEndElement();
    }

    private static void Anchor(XmlWriter w, string href, string text)
    {
        w.WriteStartElement("a", Ns);
        w.WriteAttributeString("href", href);
        w.WriteString(XmlText.Clean(text));
        w.WriteEndElement();
    }

    private static void Landmark(XmlWriter w, string type, string href, string text)
    {
        w.WriteStartElement("li", Ns);
        w.WriteStartElement("a", Ns);
        w.WriteAttributeString("epub", "type", XhtmlPage.OpsNs, type);
        w.WriteAttributeString("href", href);
        w.WriteString(text);
        w.WriteEndElement();
        w.WriteEndElement();
    }
}
