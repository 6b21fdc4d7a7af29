using System.Xml;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Epub;

/// <summary>
/// Renders the model's blocks and inlines as XHTML, one small method per node type. Well-formed
/// by construction: everything goes through XmlWriter, nothing is concatenated.
/// </summary>
internal sealed class ContentRenderer(XmlWriter w, Labels labels, ImageBag images, string? articleTitle = null, Func<int, int?>? pageAt = null)
{
    private const string Ns = XhtmlPage.XhtmlNs;

    /// <summary>The last heading level written: the article's title is an h2.</summary>
    private int _level = 2;

    public void Blocks(IReadOnlyList<Block> blocks) => Blocks(blocks, topLevel: false);

    /// <summary>An article's blocks, each preceded by the page break of the typeset page it begins, if any.</summary>
    public void ArticleBlocks(IReadOnlyList<Block> blocks) => Blocks(blocks, topLevel: true);

    private void Blocks(IReadOnlyList<Block> blocks, bool topLevel)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (topLevel) XhtmlPage.PageBreak(w, pageAt?.Invoke(i));
            Block(blocks[i]);
        }
    }

    private void Block(Block block)
    {
        switch (block)
        {
            case Paragraph p: Element("p", () => Inlines(p.Content)); break;
            case Heading h: Element($"h{HeadingLevel(h)}", () => Inlines(h.Content)); break;
            case Figure f: Figure(f); break;
            case Quote q: Element("blockquote", () => Blocks(q.Blocks)); break;
            case ListBlock l: List(l); break;
            case Table t: Table(t); break;
            case Rule: w.WriteStartElement("hr", Ns); w.WriteEndElement(); w.WriteWhitespace("\n"); break;
            default: throw new NotSupportedException($"the EPUB writer has no markup for a {block.GetType().Name} block");
        }
    }

    /// <summary>
    /// A heading's level under the article's title (h3 for the source's h1), never more than one
    /// below the heading before it: a screen reader's outline has no jumps (h2 to h5).
    /// </summary>
    private int HeadingLevel(Heading heading)
    {
        _level = Math.Min(Math.Clamp(heading.Level + 2, 3, 6), _level + 1);
        return _level;
    }

    /// <summary>Image and caption together; an image that could not be fetched leaves its caption and a note.</summary>
    private void Figure(Figure figure)
    {
        var asset = figure.Image is { } image ? images.Find(image.Location) : null;
        var missing = figure.Image is not null && asset is null;
        w.WriteStartElement("figure", Ns);
        w.WriteAttributeString("class", missing ? "figure image-missing" : "figure");
        if (asset is not null)
        {
            w.WriteStartElement("img", Ns);
            w.WriteAttributeString("src", "../" + EpubLayout.ImageHref(asset));
            w.WriteAttributeString("alt", XmlText.Clean(ImageAlt.For(figure.Image!.AltText, EbookBuilder.Model.Text.PlainText.Of(figure.Caption), articleTitle)));
            w.WriteEndElement();
        }
        if (figure.Caption.Count > 0 || missing)
        {
            w.WriteStartElement("figcaption", Ns);
            Inlines(figure.Caption);
            if (missing)
            {
                w.WriteStartElement("span", Ns);
                w.WriteAttributeString("class", "note");
                w.WriteString(labels.ImageMissing);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteWhitespace("\n");
    }

    private void List(ListBlock list)
    {
        w.WriteStartElement(list.Ordered ? "ol" : "ul", Ns);
        foreach (var item in list.Items)
        {
            w.WriteStartElement("li", Ns);
            if (item is [Paragraph only]) Inlines(only.Content);
            else Blocks(item);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteWhitespace("\n");
    }

    private void Table(Table table)
    {
        w.WriteStartElement("table", Ns);
        w.WriteStartElement("tbody", Ns);
        foreach (var row in table.Rows)
        {
            w.WriteStartElement("tr", Ns);
            foreach (var cell in row.Cells)
            {
                w.WriteStartElement(cell.IsHeader ? "th" : "td", Ns);
                if (cell.ColSpan > 1) w.WriteAttributeString("colspan", cell.ColSpan.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (cell.RowSpan > 1) w.WriteAttributeString("rowspan", cell.RowSpan.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Inlines(cell.Content);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteWhitespace("\n");
    }

    public void Inlines(IReadOnlyList<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text t: w.WriteString(XmlText.Clean(t.Value)); break;
                case Strong s: InlineElement("strong", s.Children); break;
                case Emphasis e: InlineElement("em", e.Children); break;
                case Link l when EbookBuilder.Model.Text.WebAddress.Normalize(l.Url) is { } href:
                    w.WriteStartElement("a", Ns);
                    w.WriteAttributeString("href", href);
                    Inlines(l.Children);
                    w.WriteEndElement();
                    break;
                case Link l: Inlines(l.Children); break; // not a usable address: the words stay, the link goes
                case LineBreak: w.WriteStartElement("br", Ns); w.WriteEndElement(); break;
                default: throw new NotSupportedException($"the EPUB writer has no markup for a {inline.GetType().Name} inline");
            }
        }
    }

    private void InlineElement(string name, IReadOnlyList<Inline> children)
    {
        w.WriteStartElement(name, Ns);
        Inlines(children);
        w.WriteEndElement();
    }

    private void Element(string name, Action content)
    {
        w.WriteStartElement(name, Ns);
        content();
        w.WriteEndElement();
        w.WriteWhitespace("\n");
    }
}
