using System.Globalization;
using System.Xml;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Epub;

/// <summary>The XHTML content documents: title page, chapter openings, articles.</summary>
internal static class ContentPages
{
    private const string Ns = XhtmlPage.XhtmlNs;
    private const string Css = "../" + EpubLayout.StylesheetHref;

    public static byte[] Title(Book book, Labels labels, DateOnly? date)
    {
        var meta = book.Metadata;
        return XhtmlPage.Write(meta.Language, meta.Title, Css, "title-page", w =>
        {
            w.WriteStartElement("section", Ns);
            w.WriteAttributeString("epub", "type", XhtmlPage.OpsNs, "titlepage");
            w.WriteAttributeString("class", "titlepage");
            w.WriteElementString("h1", Ns, XmlText.Clean(meta.Title));
            if (meta.SeriesLine is { } series) Para(w, "series", series);
            if (meta.Authors.Count > 0) Para(w, "author", string.Join("、", meta.Authors));
            if (meta.Publisher is not null) Para(w, "publisher", meta.Publisher);
            if (date is { } d) Para(w, "date", FormatDate(d, meta.Language));
            if (meta.Description is not null) Para(w, "description", meta.Description);
            w.WriteEndElement();
            w.WriteWhitespace("\n");
        });
    }

    public static byte[] Cover(ImageAsset cover, string language, Labels labels, string? title = null) =>
        XhtmlPage.Write(language, labels.Cover, Css, "cover-page", w =>
        {
            w.WriteStartElement("section", Ns);
            w.WriteAttributeString("class", "cover");
            w.WriteStartElement("img", Ns);
            // The cover's semantics go on the image, where ARIA's doc-cover belongs.
            w.WriteAttributeString("epub", "type", XhtmlPage.OpsNs, "cover");
            w.WriteAttributeString("role", "doc-cover");
            w.WriteAttributeString("src", "../" + EpubLayout.ImageHref(cover));
            w.WriteAttributeString("alt", title is null ? labels.Cover : labels.Cover + (language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "：" : ": ") + title);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteWhitespace("\n");
        });

    public static byte[] ChapterOpening(EpubLayout.ChapterFiles chapter, string language, int? page = null)
    {
        return XhtmlPage.Write(language, chapter.Chapter.Title, Css, "chapter-page", w =>
        {
            w.WriteStartElement("section", Ns);
            w.WriteAttributeString("epub", "type", XhtmlPage.OpsNs, "part");
            w.WriteAttributeString("role", "doc-part");
            w.WriteAttributeString("class", "chapter-opening");
            XhtmlPage.PageBreak(w, page);
            w.WriteStartElement("h1", Ns);
            w.WriteAttributeString("id", chapter.Id);
            w.WriteString(XmlText.Clean(chapter.Chapter.Title));
            w.WriteEndElement();
            w.WriteWhitespace("\n");
            w.WriteStartElement("ol", Ns);
            w.WriteAttributeString("class", "chapter-contents");
            foreach (var article in chapter.Articles)
            {
                w.WriteStartElement("li", Ns);
                w.WriteStartElement("a", Ns);
                w.WriteAttributeString("href", Path.GetFileName(article.Href));
                w.WriteString(XmlText.Clean(article.Article.Title));
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteWhitespace("\n");
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteWhitespace("\n");
        });
    }

    /// <param name="file">The article's file.</param>
    /// <param name="language">The book's language.</param>
    /// <param name="labels">The book's labels.</param>
    /// <param name="images">The book's images.</param>
    /// <param name="pageAt">The typeset page that begins at a block (-1: the title), or null.</param>
    public static byte[] Article(EpubLayout.ArticleFile file, string language, Labels labels, ImageBag images, Func<int, int?>? pageAt = null)
    {
        var article = file.Article;
        return XhtmlPage.Write(language, article.Title, Css, "article-page", w =>
        {
            ArticleTitle(w, file, pageAt?.Invoke(-1));
            MetaLine(w, article, language, labels);
            new ContentRenderer(w, labels, images, article.Title, pageAt).ArticleBlocks(article.Blocks);
            w.WriteEndElement();
            w.WriteWhitespace("\n");
        });
    }

    /// <summary>
    /// An article's page of its title and its text as plain paragraphs, nothing else: what an
    /// article the renderer fails on becomes. Only text through XmlWriter, so it cannot fail the same way.
    /// </summary>
    public static byte[] PlainArticle(EpubLayout.ArticleFile file, string language)
    {
        var article = file.Article;
        return XhtmlPage.Write(language, article.Title, Css, "article-page", w =>
        {
            ArticleTitle(w, file);
            foreach (var line in EbookBuilder.Model.Text.PlainText.Of(article.Blocks).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                w.WriteElementString("p", Ns, XmlText.Clean(line));
                w.WriteWhitespace("\n");
            }
            w.WriteEndElement();
            w.WriteWhitespace("\n");
        });
    }

    /// <summary>Opens the article element and writes its title (the contents link to its id).</summary>
    private static void ArticleTitle(XmlWriter w, EpubLayout.ArticleFile file, int? page = null)
    {
        // A section, not an article element: ARIA's doc-chapter (what epub:type chapter maps to)
        // is not allowed on article.
        w.WriteStartElement("section", Ns);
        w.WriteAttributeString("epub", "type", XhtmlPage.OpsNs, "chapter");
        w.WriteAttributeString("role", "doc-chapter");
        w.WriteAttributeString("class", "article");
        w.WriteWhitespace("\n");
        XhtmlPage.PageBreak(w, page);
        w.WriteStartElement("h2", Ns);
        w.WriteAttributeString("class", "article-title");
        w.WriteAttributeString("id", file.Id);
        w.WriteString(XmlText.Clean(file.Article.Title));
        w.WriteEndElement();
        w.WriteWhitespace("\n");
    }

    /// <summary>Publisher · date · link to the original, under the title.</summary>
    private static void MetaLine(XmlWriter w, Article article, string language, Labels labels)
    {
        var parts = new List<Action>();
        if (!string.IsNullOrEmpty(article.Publisher)) parts.Add(() => w.WriteString(XmlText.Clean(article.Publisher)));
        if (article.Date is { } date) parts.Add(() => w.WriteString(FormatDate(date, language)));
        if (EbookBuilder.Model.Text.WebAddress.Normalize(article.SourceUrl) is { } href)
        {
            parts.Add(() =>
            {
                w.WriteStartElement("a", Ns);
                w.WriteAttributeString("href", href);
                w.WriteString(labels.Source);
                w.WriteEndElement();
            });
        }
        if (parts.Count == 0) return;
        w.WriteStartElement("p", Ns);
        w.WriteAttributeString("class", "article-meta");
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0) w.WriteString(" · ");
            parts[i]();
        }
        w.WriteEndElement();
        w.WriteWhitespace("\n");
    }

    internal static string FormatDate(DateOnly date, string language) => EbookBuilder.Model.Text.DateText.Format(date, language);

    private static void Para(XmlWriter w, string cssClass, string text)
    {
        w.WriteStartElement("p", Ns);
        w.WriteAttributeString("class", cssClass);
        w.WriteString(XmlText.Clean(text));
        w.WriteEndElement();
        w.WriteWhitespace("\n");
    }
}
