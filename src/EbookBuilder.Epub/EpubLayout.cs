using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Epub;

/// <summary>
/// The archive's file names, all generated (ASCII, no user text in a path): one XHTML file per
/// chapter opening and per article, never one giant file.
/// </summary>
internal sealed class EpubLayout
{
    public const string PackagePath = "OEBPS/content.opf";
    public const string StylesheetHref = "styles/book.css";
    public const string NavHref = "nav.xhtml";
    public const string NcxHref = "toc.ncx";
    public const string TitleHref = "text/title.xhtml";
    public const string CoverHref = "text/cover.xhtml";

    public static string ImageHref(ImageAsset asset) => "images/" + asset.Name;

    public static string FontHref(FontAsset font) => "fonts/" + font.FileName;

    public EpubLayout(Book book)
    {
        var chapters = new List<ChapterFiles>();
        for (var c = 0; c < book.Chapters.Count; c++)
        {
            var chapter = book.Chapters[c];
            var articles = new List<ArticleFile>();
            for (var a = 0; a < chapter.Articles.Count; a++)
            {
                articles.Add(new ArticleFile(chapter.Articles[a], $"text/c{c + 1:D3}-a{a + 1:D4}.xhtml", $"c{c + 1:D3}a{a + 1:D4}"));
            }
            chapters.Add(new ChapterFiles(chapter, $"text/c{c + 1:D3}.xhtml", $"c{c + 1:D3}", articles));
        }
        Chapters = chapters;
    }

    public IReadOnlyList<ChapterFiles> Chapters { get; }

    public sealed record ChapterFiles(Chapter Chapter, string Href, string Id, IReadOnlyList<ArticleFile> Articles);

    public sealed record ArticleFile(Article Article, string Href, string Id);
}
