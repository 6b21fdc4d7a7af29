using System.Security.Cryptography;
using System.Text;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using static EbookBuilder.Epub.PackageDocument;

namespace EbookBuilder.Epub;

/// <summary>
/// Writes a book as an EPUB 3 archive: package document, navigation document and NCX, a title
/// page, one opening page per chapter and one XHTML file per article, and the stylesheet.
/// The same book and options give byte-identical output.
/// </summary>
public static class EpubWriter
{
    /// <summary>Writes <paramref name="book"/> with its images and subset fonts to <paramref name="output"/>.</summary>
    public static void Write(Book book, ImageBag images, FontBag fonts, EpubOptions options, Stream output, CancellationToken cancellationToken = default)
    {
        var meta = book.Metadata;
        var labels = options.Labels ?? Labels.For(meta.Language);
        var layout = new EpubLayout(book);
        var identifier = meta.Identifier ?? DeriveIdentifier(book);
        var date = meta.Date ?? book.Articles.Select(a => a.Date).Max();

        var items = new List<ManifestItem>();
        if (options.Cover is { } cover)
        {
            items.Add(new("cover", EpubLayout.CoverHref, "application/xhtml+xml", InSpine: true));
            items.Add(new("cover-image", EpubLayout.ImageHref(cover), cover.MediaType, "cover-image"));
        }
        items.AddRange(new List<ManifestItem>
        {
            new("title", EpubLayout.TitleHref, "application/xhtml+xml", InSpine: true),
            new("nav", EpubLayout.NavHref, "application/xhtml+xml", "nav", InSpine: true),
            new("ncx", EpubLayout.NcxHref, "application/x-dtbncx+xml"),
            new("css", EpubLayout.StylesheetHref, "text/css"),
        });
        var used = book.Articles.SelectMany(a => Figures.In(a.Blocks))
            .Select(f => f.Image is { } i ? images.Find(i.Location) : null).OfType<ImageAsset>()
            .DistinctBy(a => a.Name).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        items.AddRange(used.Select(a => new ManifestItem(Path.GetFileNameWithoutExtension(a.Name), EpubLayout.ImageHref(a), a.MediaType)));
        items.AddRange(fonts.Faces.Select(f => new ManifestItem(Path.GetFileNameWithoutExtension(f.FileName), EpubLayout.FontHref(f), f.MediaType)));
        foreach (var chapter in layout.Chapters)
        {
            items.Add(new(chapter.Id, chapter.Href, "application/xhtml+xml", InSpine: true));
            items.AddRange(chapter.Articles.Select(a => new ManifestItem(a.Id, a.Href, "application/xhtml+xml", InSpine: true)));
        }

        using var archive = new EpubArchive(output, options.Modified, options.FastCompression);
        archive.Add("META-INF/container.xml", Container());
        if (options.ObfuscateFonts && fonts.Faces.Count > 0)
            archive.Add("META-INF/encryption.xml", FontObfuscation.EncryptionXml(fonts.Faces.Select(f => "OEBPS/" + EpubLayout.FontHref(f))));
        var accessibility = AccessibilityFacts(book, images) with { PageSource = options.Pages is { Starts.Count: > 0 } map ? map.Source : null };
        archive.Add(EpubLayout.PackagePath, PackageDocument.Write(book, identifier, options.Modified, date, items, options.Cover is not null, accessibility, options.Vertical));
        archive.Add("OEBPS/" + EpubLayout.NavHref, NavigationDocuments.Nav(layout, meta.Title, meta.Language, labels, options.Cover is not null, PageList(layout, options.Pages)));
        archive.Add("OEBPS/" + EpubLayout.NcxHref, NavigationDocuments.Ncx(layout, identifier, meta.Title));
        archive.Add("OEBPS/" + EpubLayout.StylesheetHref, new UTF8Encoding(false).GetBytes(options.Stylesheet + FontFaces.Css(fonts)));
        // A vertical book's pages are set vertically first, then whatever the format adds (Kobo's spans).
        var vertical = options.Vertical ? VerticalPages.Apply : (Func<byte[], byte[]>)(bytes => bytes);
        var page = options.ContentPages is { } then ? bytes => then(vertical(bytes)) : vertical;
        archive.Add("OEBPS/" + EpubLayout.TitleHref, vertical(ContentPages.Title(book, labels, date)));
        if (options.Cover is { } coverImage)
        {
            archive.Add("OEBPS/" + EpubLayout.CoverHref, ContentPages.Cover(coverImage, meta.Language, labels, meta.Title));
            archive.Add("OEBPS/" + EpubLayout.ImageHref(coverImage), coverImage.ReadBytes(), compress: false);
        }
        for (var c = 0; c < layout.Chapters.Count; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chapter = layout.Chapters[c];
            archive.Add("OEBPS/" + chapter.Href, page(ContentPages.ChapterOpening(chapter, meta.Language, options.Pages?.PageAt(c, -1, -1))));
            for (var a = 0; a < chapter.Articles.Count; a++)
            {
                var (ci, ai) = (c, a);
                Func<int, int?>? pageAt = options.Pages is { } pages ? block => pages.PageAt(ci, ai, block) : null;
                archive.Add("OEBPS/" + chapter.Articles[a].Href, page(ArticlePage(chapter.Articles[a], meta.Language, labels, images, options.Diagnostics, pageAt)));
            }
        }
        foreach (var font in fonts.Faces)
        {
            var bytes = options.ObfuscateFonts ? FontObfuscation.Apply(font.Bytes, identifier) : font.Bytes;
            archive.Add("OEBPS/" + EpubLayout.FontHref(font), bytes);
        }
        foreach (var asset in used)
        {
            cancellationToken.ThrowIfCancellationRequested();
            archive.Add("OEBPS/" + EpubLayout.ImageHref(asset), asset.ReadBytes(), compress: asset.MediaType == "image/svg+xml");
        }
    }

    /// <summary>
    /// An article's page; when the writer fails on the article (with <paramref name="diagnostics"/>
    /// given), a page of its text as plain paragraphs, reported with the article's file.
    /// </summary>
    private static byte[] ArticlePage(EpubLayout.ArticleFile article, string language, Labels labels, ImageBag images, DiagnosticBag? diagnostics, Func<int, int?>? pageAt)
    {
        try
        {
            return ContentPages.Article(article, language, labels, images, pageAt);
        }
        catch (Exception e) when (diagnostics is not null && e is not OperationCanceledException)
        {
            diagnostics.Warn(DiagnosticCodes.WriterFallback,
                $"EPUB: article '{article.Article.Title}' could not be written ({FailureText.Of(e)}); its page holds its text as plain paragraphs",
                article.Article.Source);
            return ContentPages.PlainArticle(article, language);
        }
    }

    /// <summary>The page-list's entries in page order: each page's number and the page break it links to.</summary>
    private static IReadOnlyList<(int Page, string Href)>? PageList(EpubLayout layout, PageMap? pages)
    {
        if (pages is null || pages.Starts.Count == 0) return null;
        return pages.Starts.Where(s => s.Key.Chapter < layout.Chapters.Count && s.Key.Article < layout.Chapters[s.Key.Chapter].Articles.Count)
            .Select(s => (Page: s.Value, Href: (s.Key.Article < 0 ? layout.Chapters[s.Key.Chapter].Href : layout.Chapters[s.Key.Chapter].Articles[s.Key.Article].Href) + "#" + XhtmlPage.PageId(s.Value)))
            .OrderBy(p => p.Page).ToList();
    }

    /// <summary>What the accessibility metadata says of the book's images: whether there are any, all described, any that may move.</summary>
    private static PackageDocument.Accessibility AccessibilityFacts(Book book, ImageBag images)
    {
        var figures = book.Articles.SelectMany(a => Figures.In(a.Blocks).Select(f => (Article: a, Figure: f)))
            .Select(x => (x.Article, x.Figure, Asset: x.Figure.Image is { } i ? images.Find(i.Location) : null))
            .Where(x => x.Asset is not null).ToList();
        var described = figures.All(x => ImageAlt.For(x.Figure.Image!.AltText, EbookBuilder.Model.Text.PlainText.Of(x.Figure.Caption), x.Article.Title).Length > 0);
        var moving = figures.Any(x => x.Asset!.MediaType is "image/gif" or "image/webp" or "image/apng");
        return new PackageDocument.Accessibility(figures.Count > 0, described, moving);
    }

    /// <summary>A UUID derived from the book's content, so a rebuild keeps its identity (and its bytes).</summary>
    internal static string DeriveIdentifier(Book book)
    {
        var sb = new StringBuilder();
        sb.Append(book.Metadata.Title).Append('\n').Append(book.Metadata.Language).Append('\n');
        foreach (var chapter in book.Chapters)
        {
            sb.Append("# ").Append(chapter.Title).Append('\n');
            foreach (var article in chapter.Articles)
                sb.Append(article.Title).Append('\t').Append(article.SourceUrl ?? Path.GetFileName(article.Source.File)).Append('\n');
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5 (name-based)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
