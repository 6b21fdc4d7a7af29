using System.Globalization;
using System.Xml;
using EbookBuilder.Model.Document;
using EbookBuilder.Model.Text;

namespace EbookBuilder.Epub;

/// <summary>The OPF package document: metadata, manifest, spine.</summary>
internal static class PackageDocument
{
    private const string OpfNs = "http://www.idpf.org/2007/opf";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    public sealed record ManifestItem(string Id, string Href, string MediaType, string? Properties = null, bool InSpine = false);

    /// <summary>What the book's accessibility metadata rests on: images, all of them described, any that may be animated.</summary>
    public sealed record Accessibility(bool HasImages, bool AllImagesDescribed, bool MayMove)
    {
        /// <summary>What the navigation document's page-list numbers (the PDF's pages), or null when there is none.</summary>
        public string? PageSource { get; init; }
    }

    public static byte[] Write(Book book, string identifier, DateTimeOffset modified, DateOnly? date, IReadOnlyList<ManifestItem> items, bool hasCover = false, Accessibility? accessibility = null, bool vertical = false)
    {
        var meta = book.Metadata;
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, XmlText.Settings(indent: true)))
        {
            w.WriteStartDocument();
            w.WriteStartElement("package", OpfNs);
            w.WriteAttributeString("version", "3.0");
            w.WriteAttributeString("unique-identifier", "bookid");
            w.WriteAttributeString("xml", "lang", null, XmlText.Clean(meta.Language));

            w.WriteStartElement("metadata", OpfNs);
            w.WriteAttributeString("xmlns", "dc", null, DcNs);
            w.WriteStartElement("dc", "identifier", DcNs);
            w.WriteAttributeString("id", "bookid");
            w.WriteString(XmlText.Clean(identifier));
            w.WriteEndElement();
            w.WriteStartElement("dc", "title", DcNs);
            w.WriteAttributeString("id", "book-title");
            w.WriteString(XmlText.Clean(meta.Title));
            w.WriteEndElement();
            if (meta.Subtitle is { } subtitle)
            {
                w.WriteStartElement("dc", "title", DcNs);
                w.WriteAttributeString("id", "book-subtitle");
                w.WriteString(XmlText.Clean(subtitle));
                w.WriteEndElement();
            }
            w.WriteElementString("dc", "language", DcNs, XmlText.Clean(meta.Language));
            foreach (var author in meta.Authors) w.WriteElementString("dc", "creator", DcNs, XmlText.Clean(author));
            if (meta.Publisher is not null) w.WriteElementString("dc", "publisher", DcNs, XmlText.Clean(meta.Publisher));
            if (meta.Series is { } series)
            {
                // EPUB 3's collection (Apple Books, KOReader, Thorium group by it) and calibre's own
                // series meta (calibre, Kobo's and the Kindle formats converted from it read this).
                Meta(w, "belongs-to-collection", XmlText.Clean(series), id: "series");
                Meta(w, "collection-type", "series", refines: "#series");
                if (meta.SeriesNumber is { } number) Meta(w, "group-position", number, refines: "#series");
                NamedMeta(w, "calibre:series", XmlText.Clean(series));
                if (meta.SeriesNumber is { } index) NamedMeta(w, "calibre:series_index", index);
            }
            if (meta.Description is not null) w.WriteElementString("dc", "description", DcNs, XmlText.Clean(meta.Description));
            if (date is { } d) w.WriteElementString("dc", "date", DcNs, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            foreach (var source in book.Articles.Select(a => a.SourceUrl).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                w.WriteElementString("dc", "source", DcNs, XmlText.Clean(source));
            }
            if (hasCover)
            {
                // EPUB 2 readers (older Kindles among them) find the cover through this.
                w.WriteStartElement("meta", OpfNs);
                w.WriteAttributeString("name", "cover");
                w.WriteAttributeString("content", "cover-image");
                w.WriteEndElement();
            }
            if (meta.Subtitle is not null)
            {
                foreach (var (id, type) in new[] { ("book-title", "main"), ("book-subtitle", "subtitle") })
                {
                    w.WriteStartElement("meta", OpfNs);
                    w.WriteAttributeString("refines", "#" + id);
                    w.WriteAttributeString("property", "title-type");
                    w.WriteString(type);
                    w.WriteEndElement();
                }
            }
            if (accessibility?.PageSource is { } pageSource)
            {
                // What the page-list's numbers are of (EPUB 3's source-of pagination, which Ace and
                // this epubcheck both know; EPUB 3.3's pageBreakSource is not in epubcheck 4).
                w.WriteStartElement("dc", "source", DcNs);
                w.WriteAttributeString("id", "page-source");
                w.WriteString(XmlText.Clean(pageSource));
                w.WriteEndElement();
                Meta(w, "source-of", "pagination", refines: "#page-source");
            }
            AccessibilityMetadata(w, meta.Language, accessibility ?? new Accessibility(false, true, false), hasCover);
            if (vertical)
            {
                // KindleGen's (and calibre's) name for the book's writing mode: a Kindle sets the book vertically by it.
                w.WriteStartElement("meta", OpfNs);
                w.WriteAttributeString("name", "primary-writing-mode");
                w.WriteAttributeString("content", "vertical-rl");
                w.WriteEndElement();
            }
            w.WriteStartElement("meta", OpfNs);
            w.WriteAttributeString("property", "dcterms:modified");
            w.WriteString(modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteEndElement();
            w.WriteEndElement();

            w.WriteStartElement("manifest", OpfNs);
            foreach (var item in items)
            {
                w.WriteStartElement("item", OpfNs);
                w.WriteAttributeString("id", item.Id);
                w.WriteAttributeString("href", item.Href);
                w.WriteAttributeString("media-type", item.MediaType);
                if (item.Properties is not null) w.WriteAttributeString("properties", item.Properties);
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("spine", OpfNs);
            w.WriteAttributeString("toc", "ncx");
            if (vertical) w.WriteAttributeString("page-progression-direction", "rtl");
            foreach (var item in items.Where(i => i.InSpine))
            {
                w.WriteStartElement("itemref", OpfNs);
                w.WriteAttributeString("idref", item.Id);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    public static byte[] Container()
    {
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, XmlText.Settings(indent: true)))
        {
            const string ns = "urn:oasis:names:tc:opendocument:xmlns:container";
            w.WriteStartDocument();
            w.WriteStartElement("container", ns);
            w.WriteAttributeString("version", "1.0");
            w.WriteStartElement("rootfiles", ns);
            w.WriteStartElement("rootfile", ns);
            w.WriteAttributeString("full-path", EpubLayout.PackagePath);
            w.WriteAttributeString("media-type", "application/oebps-package+xml");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return buffer.ToArray();
    }
    /// <summary>
    /// schema.org's accessibility metadata (EPUB Accessibility 1.1; DAISY Ace checks it): how the
    /// book can be read (text; images with their descriptions), what it offers (headings, contents,
    /// a reading order, reflowable text, text alternatives), its hazards and a summary, in the
    /// book's language. It claims only what the writer makes sure of.
    /// </summary>
    private static void AccessibilityMetadata(XmlWriter w, string language, Accessibility a, bool hasCover)
    {
        var visual = a.HasImages || hasCover;
        Meta(w, "schema:accessMode", "textual");
        if (visual) Meta(w, "schema:accessMode", "visual");
        if (!visual || a.AllImagesDescribed) Meta(w, "schema:accessModeSufficient", "textual");
        if (visual) Meta(w, "schema:accessModeSufficient", "textual,visual");
        foreach (var feature in new[] { "structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability" })
            Meta(w, "schema:accessibilityFeature", feature);
        if (visual) Meta(w, "schema:accessibilityFeature", "alternativeText");
        if (a.PageSource is { } source)
        {
            Meta(w, "schema:accessibilityFeature", "printPageNumbers");
            Meta(w, "schema:accessibilityFeature", "pageNavigation");
        }
        if (a.MayMove)
        {
            // A GIF or WebP may be animated, and may flash: that is not known, so it is not denied
            // ("unknown" stands alone in the vocabulary Ace checks).
            Meta(w, "schema:accessibilityHazard", "unknown");
        }
        else
        {
            Meta(w, "schema:accessibilityHazard", "none");
        }
        var chinese = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var summary = ChineseVariant.IsTraditional(language)
            ? "可重排的文本：每章每篇都有標題，有目錄，閱讀順序與正文一致。" + (visual ? (a.AllImagesDescribed ? "每張圖片都有說明或替代文字。" : "圖片有說明時以說明為替代文字，其餘圖片為裝飾性圖片，替代文字為空。") : "")
            : chinese
            ? "可重排的文本：每章每篇都有标题，有目录，阅读顺序与正文一致。" + (visual ? (a.AllImagesDescribed ? "每张图片都有说明或替代文字。" : "图片有说明时以说明为替代文字，其余图片为装饰性图片，替代文字为空。") : "")
            : "Reflowable text with a heading for every chapter and article, a table of contents and a reading order that follows the text." +
              (visual ? (a.AllImagesDescribed ? " Every image has a caption or a text alternative." : " Images with captions have them as text alternatives; the others are marked decorative (empty alternative).") : "");
        Meta(w, "schema:accessibilitySummary", summary);
    }

    /// <summary>An EPUB 3 meta: <c>&lt;meta property="…"&gt;value&lt;/meta&gt;</c>, with an id or what it refines.</summary>
    private static void Meta(XmlWriter w, string property, string value, string? id = null, string? refines = null)
    {
        w.WriteStartElement("meta", OpfNs);
        if (id is not null) w.WriteAttributeString("id", id);
        if (refines is not null) w.WriteAttributeString("refines", refines);
        w.WriteAttributeString("property", property);
        w.WriteString(value);
        w.WriteEndElement();
    }

    /// <summary>An OPF 2 meta (<c>name</c>, <c>content</c>), which EPUB 3 keeps for readers that look for it.</summary>
    private static void NamedMeta(XmlWriter w, string name, string content)
    {
        w.WriteStartElement("meta", OpfNs);
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("content", content);
        w.WriteEndElement();
    }
}
