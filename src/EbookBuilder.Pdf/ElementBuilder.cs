using System.Globalization;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Document;
using EbookBuilder.Model.Text;
using EbookBuilder.Pdf.Drawing;
using EbookBuilder.Pdf.Layout;
using EbookBuilder.Pdf.Typesetting;

namespace EbookBuilder.Pdf;

/// <summary>
/// Turns the book into the flow of layout elements, one small method per node type (Markdig's
/// renderer model): the cover, the contents, and per chapter an opening, then per article a title,
/// a meta line and its blocks. Elements keep paging state: each is laid out once.
/// </summary>
internal sealed class ElementBuilder(Book book, ImageBag images, FontSet fonts, PdfTheme theme, PageGeometry geometry, Labels labels)
{
    private readonly Color _text = Color.Parse(theme.TextColor);
    private readonly Color _meta = Color.Parse(theme.MetaColor);
    private readonly Color _rule = Color.Parse(theme.RuleColor);
    private readonly Color _link = Color.Parse(theme.LinkColor);
    private float Width => geometry.ContentWidth;
    private float Em => theme.BodySize;

    /// <summary>The width an article's blocks are set at: a column's.</summary>
    private float Column => geometry.ColumnWidth;

    private bool InColumns => geometry.Columns > 1;

    /// <summary>In columns: whether an article's title and meta line span them (else they are set in the column).</summary>
    public bool TitlesAcross { get; init; } = true;

    private bool TitleSpans => InColumns && TitlesAcross;

    /// <summary>
    /// In columns, a figure is set across them when it is wide: a landscape image of at least 3:2
    /// whose pixels at the theme's resolution are a quarter wider than a column. Other figures fill
    /// a column, as a newspaper sets them.
    /// </summary>
    private bool IsWide(ImageAsset asset) =>
        InColumns && asset.Width >= asset.Height * 1.5f && asset.Width * 72f / theme.ImageDpi > Column * 1.25f;

    public static string ChapterDestination(int chapter) => $"c{chapter + 1}";

    public static string ArticleDestination(int chapter, int article) => $"c{chapter + 1}a{article + 1}";

    /// <summary>The cover: one page, the cover image or a typeset title page.</summary>
    public IEnumerable<Element> Front()
    {
        yield return Cover();
    }

    /// <summary>
    /// The contents, with the page numbers of <paramref name="pages"/> (null: numbers not known
    /// yet; the entries are as tall either way, since the number has a box of its own).
    /// </summary>
    public IEnumerable<Element> Contents(IReadOnlyDictionary<string, (int Page, float Y)>? pages)
    {
        yield return new PageBreakElement(book.Metadata.Title);
        var contents = new List<Element>();
        Contents(contents, pages);
        foreach (var element in contents) yield return element;
    }

    /// <summary>
    /// The chapters, made as the paginator asks for them (one article at a time, so the book's
    /// laid-out text is never all in memory).
    /// </summary>
    /// <summary>
    /// The first element of each article's top-level block not placed yet: (chapter, article, block
    /// index). The PDF writer takes each out as the paginator places it.
    /// </summary>
    public Dictionary<Element, (int Chapter, int Article, int Block)> BlockStarts { get; } = new(ReferenceEqualityComparer.Instance);

    private (int Chapter, int Article) _current;

    public IEnumerable<Element> Body()
    {
        for (var c = 0; c < book.Chapters.Count; c++)
        {
            var chapter = book.Chapters[c];
            yield return new PageBreakElement(chapter.Title);
            yield return new DestinationElement(ChapterDestination(c), chapter.Title, 0) { SpansColumns = InColumns };
            yield return new TextElement(Layout([new TextSpan(chapter.Title)], Style(theme.ChapterTitleSize, TextAlign.Center, bold: true, lineHeight: 1.4f) with { Balance = true }),
                Em * 2, Em * 1.5f, 0, $"chapter title '{chapter.Title}'", keepWithNext: true) { SpansColumns = InColumns };
            for (var a = 0; a < chapter.Articles.Count; a++)
            {
                Cancellation.ThrowIfCancellationRequested(); // an article's layout is the longest step between pages
                _current = (c, a);
                foreach (var element in ArticleElements(chapter.Articles[a], ArticleDestination(c, a))) yield return element;
            }
        }
    }

    /// <summary>
    /// Told of what could not be typeset (what, why, where); the build goes on with what was set
    /// instead. Without it, such a failure is thrown.
    /// </summary>
    public Action<string, SourceSpan?>? Warn { get; init; }

    /// <summary>Body paragraphs of three lines or more whose last line holds one character alone (the line breaker could not avoid it).</summary>
    public int LoneLines { get; private set; }

    /// <summary>Justified lines of body paragraphs with more than a quarter em between two characters.</summary>
    public int LooseLines { get; private set; }

    /// <summary>Lines of body paragraphs (not their last) set ragged: justification's limits could not fill them.</summary>
    public int RaggedLines { get; private set; }

    /// <summary>Stops the body between articles.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Whether the layout is a vertical book's, turned a quarter: images are laid out turned, to stand upright on the page.</summary>
    public bool Vertical { get; init; }

    /// <summary>
    /// Tells <see cref="Warn"/> that <paramref name="what"/> failed and what became of it; a
    /// message cut to a line, since the failing content may be anything.
    /// </summary>
    public void Fault(string what, Exception exception, SourceSpan? where, bool replaced)
    {
        Warn?.Invoke($"{Shorten(what)} could not be typeset ({EbookBuilder.Model.Diagnostics.FailureText.Of(exception)}); "
            + (replaced ? "its text is set as plain paragraphs" : "it is left out"), where);
    }

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;

    /// <summary>An article's elements; an article whose elements cannot be made is set as its plain text, or left out.</summary>
    private List<Element> ArticleElements(Article article, string destination)
    {
        var elements = new List<Element>();
        try
        {
            Article(elements, article, destination);
            return elements;
        }
        catch (Exception e) when (Warn is not null && e is not OperationCanceledException)
        {
            var name = $"article '{article.Title}' ({article.Source.File})";
            elements.Clear();
            elements.Add(new DestinationElement(destination, article.Title, 1));
            var plain = Plain(article.Title + "\n" + PlainText.Of(article.Blocks), name, article.Source);
            Fault(name, e, article.Source, replaced: plain.Count > 0);
            elements.AddRange(plain);
            return elements;
        }
    }

    /// <summary>
    /// Text as plain left-aligned paragraphs, a line a paragraph: what a block that cannot be
    /// typeset is set as. Empty (told to <see cref="Warn"/>) when even that fails.
    /// </summary>
    private List<Element> Plain(string text, string name, SourceSpan? where)
    {
        try
        {
            var style = Style(theme.BodySize, TextAlign.Left);
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => (Element)new TextElement(Layout([new TextSpan(line)], style, Column), 0, Em * theme.ParagraphSpacingEm, 0, name) { Source = where })
                .ToList();
        }
        catch (Exception e) when (Warn is not null && e is not OperationCanceledException)
        {
            Fault($"the plain text of {name}", e, where, replaced: false);
            return [];
        }
    }

    /// <summary>The book's cover image; null draws a typeset title page.</summary>
    public ImageAsset? CoverImage { get; init; }

    private Element Cover()
    {
        if (CoverImage is { Width: > 0, Height: > 0 } cover)
            return new CoverImageElement(new ImageHandle(cover, Vertical), geometry.ContentHeight);
        var blocks = new List<(ITextBlock, float)>
        {
            (Layout([new TextSpan(book.Metadata.Title)], Style(theme.ChapterTitleSize * 1.4f, TextAlign.Center, bold: true, lineHeight: 1.3f) with { Balance = true }), 0),
        };
        if (book.Metadata.SeriesLine is { } series)
            blocks.Add((Layout([new TextSpan(series)], Style(theme.HeadingSize, TextAlign.Center, bold: true)), Em));
        if (book.Metadata.Subtitle is { } subtitle)
            blocks.Add((Layout([new TextSpan(subtitle)], Style(theme.HeadingSize, TextAlign.Center)), Em));
        var dates = book.Articles.Select(a => a.Date).OfType<DateOnly>().ToList();
        if (dates.Count > 0)
        {
            var range = dates.Min() == dates.Max() ? FormatDate(dates.Min()) : $"{FormatDate(dates.Min())} — {FormatDate(dates.Max())}";
            blocks.Add((Layout([new TextSpan(range)], Style(theme.BodySize, TextAlign.Center, color: _meta)), Em));
        }
        if (book.Metadata.Authors.Count > 0)
            blocks.Add((Layout([new TextSpan(string.Join("、", book.Metadata.Authors))], Style(theme.BodySize, TextAlign.Center)), Em * 0.5f));
        blocks.Add((Layout([new TextSpan(string.Join("　·　", book.Chapters.Select(c => c.Title)))], Style(theme.BodySize, TextAlign.Center, color: _meta)), Em * 2));
        return new CoverElement(blocks, geometry.ContentHeight, _rule);
    }

    private void Contents(List<Element> elements, IReadOnlyDictionary<string, (int Page, float Y)>? pages)
    {
        elements.Add(new TextElement(Layout([new TextSpan(labels.Contents)], Style(theme.ChapterTitleSize, TextAlign.Center, bold: true, lineHeight: 1.4f)),
            Em * 2, Em * 1.5f, 0, "contents title"));
        var numberStyle = Style(theme.BodySize, TextAlign.Left);
        var numberBox = Layout([new TextSpan(Vertical ? "〇〇〇〇" : "0000")], numberStyle).LineWidth(0);
        var dot = Layout([new TextSpan(".")], Style(theme.BodySize, TextAlign.Left, color: _meta));
        for (var c = 0; c < book.Chapters.Count; c++)
        {
            var articles = book.Chapters[c].Articles;
            // The chapter's line keeps with its first two entries (the first keeps with the second).
            Entry(book.Chapters[c].Title, ChapterDestination(c), bold: true, inset: 0, Em * 0.6f, keep: articles.Count > 0);
            for (var a = 0; a < articles.Count; a++)
                Entry(articles[a].Title, ArticleDestination(c, a), bold: false, inset: Em, 0, keep: a == 0 && articles.Count > 1);
        }

        void Entry(string title, string destination, bool bold, float inset, float spaceBefore, bool keep)
        {
            var page = pages is not null && pages.TryGetValue(destination, out var at) ? at.Page : 0;
            var style = Style(theme.BodySize, TextAlign.Left, bold: bold, lineHeight: 1.6f) with { Balance = true };
            var titleLayout = new TextLayout([new TextSpan(ContentsTitle(title))], style, Width - inset - numberBox - Em * 1.5f, fonts);
            var number = Layout([new TextSpan(TocEntryElement.Format(page, Vertical))], numberStyle with { Align = TextAlign.Right }, numberBox);
            elements.Add(new TocEntryElement(titleLayout, number, dot, numberBox, inset, spaceBefore, destination, keep));
        }
    }

    /// <summary>
    /// A title as the contents show it: at most <see cref="ContentsTitleLength"/> characters, then
    /// an ellipsis (a damaged article's "title" can be a whole page of text, and an entry must fit a page).
    /// </summary>
    internal static string ContentsTitle(string title)
    {
        if (title.Length <= ContentsTitleLength) return title;
        var cut = ContentsTitleLength;
        if (char.IsHighSurrogate(title[cut - 1])) cut--;
        return title[..cut] + "…";
    }

    internal const int ContentsTitleLength = 80;

    private void Article(List<Element> elements, Article article, string destination)
    {
        var name = $"article '{article.Title}' ({article.Source.File})";
        var titleWidth = TitleSpans ? Width : Column;
        elements.Add(new DestinationElement(destination, article.Title, 1) { SpansColumns = TitleSpans });
        elements.Add(new TextElement(Layout([new TextSpan(article.Title)], Style(theme.ArticleTitleSize, TextAlign.Left, bold: true, lineHeight: 1.45f) with { Balance = true }, titleWidth),
            Em * 0.8f, Em * 0.3f, 0, name, keepWithNext: true) { Source = article.Source, Fallback = () => Plain(article.Title, name, article.Source), SpansColumns = TitleSpans });
        var meta = new List<TextSpan>();
        if (!string.IsNullOrEmpty(article.Publisher)) meta.Add(new TextSpan(article.Publisher));
        if (article.Date is { } date) meta.Add(new TextSpan((meta.Count > 0 ? " · " : "") + FormatDate(date)));
        if (article.SourceUrl is { } url)
        {
            if (meta.Count > 0) meta.Add(new TextSpan(" · "));
            meta.Add(new TextSpan(labels.Source, Link: url));
        }
        if (meta.Count > 0)
            elements.Add(new TextElement(Layout(meta, Style(theme.MetaSize, TextAlign.Left, color: _meta), titleWidth), 0, Em * 0.9f, 0, name, keepWithNext: true) { Source = article.Source, SpansColumns = TitleSpans });
        for (var b = 0; b < article.Blocks.Count; b++)
        {
            var start = elements.Count;
            Blocks(elements, [article.Blocks[b]], 0, name);
            if (elements.Count > start) BlockStarts[elements[start]] = (_current.Chapter, _current.Article, b);
        }
        // A one-line last paragraph (an editor's name, a source line) does not open a page alone.
        if (elements[^1] is TextElement { Layout.LineCount: 1, KeepWithNext: false } last && elements.Count >= 2 && elements[^2] is TextElement)
        {
            elements[^1] = last.KeepingWithPrevious();
            if (BlockStarts.Remove(last, out var key)) BlockStarts[elements[^1]] = key;
        }
        elements.Add(new RuleElement(_rule, Em * 0.9f, 0.2f));
    }

    private void Blocks(List<Element> elements, IReadOnlyList<Block> blocks, float inset, string name)
    {
        foreach (var block in blocks)
        {
            var start = elements.Count;
            try
            {
                Block(elements, block, inset, name);
            }
            catch (Exception e) when (Warn is not null && e is not OperationCanceledException)
            {
                elements.RemoveRange(start, elements.Count - start);
                var plain = Plain(PlainText.Of([block]), name, block.Source);
                Fault($"a {block.GetType().Name.ToLowerInvariant()} of {name}", e, block.Source, replaced: plain.Count > 0);
                elements.AddRange(plain);
                continue;
            }
            // An element that fails while it is paged is set as its plain text instead.
            for (var i = start; i < elements.Count; i++)
            {
                var element = elements[i];
                element.Source ??= block.Source;
                if (element.Fallback is null && element.TextContent is { Length: > 0 } text)
                    element.Fallback = () => Plain(text, name, element.Source);
            }
        }
    }

    /// <summary>The elements of one block (Markdig's renderer model: a case per node type).</summary>
    private void Block(List<Element> elements, Block block, float inset, string name)
    {
        switch (block)
        {
            case Paragraph p:
                {
                    var layout = Layout(Spans(p.Content), Style(theme.BodySize, TextAlign.Justify, indent: inset > 0 ? 0 : theme.FirstLineIndentEm), Column - inset);
                    if (layout.LineCount >= 3 && layout.EndsAlone) LoneLines++;
                    LooseLines += layout.LooseLines;
                    RaggedLines += layout.RaggedLines;
                    elements.Add(new TextElement(layout, 0, Em * theme.ParagraphSpacingEm, inset, name));
                    break;
                }
            case Heading h:
                elements.Add(new TextElement(Layout(Spans(h.Content), Style(theme.HeadingSize, TextAlign.Left, bold: true, lineHeight: 1.5f) with { Balance = true }, Column - inset),
                    Em * 0.8f, Em * 0.3f, inset, name, keepWithNext: true));
                break;
            case Figure f:
                Figure(elements, f, name);
                break;
            case Quote q:
                Blocks(elements, q.Blocks, inset + Em * 2, name);
                break;
            case ListBlock l:
                for (var i = 0; i < l.Items.Count; i++)
                {
                    var marker = l.Ordered ? $"{i + 1}. " : "• ";
                    var first = l.Items[i].FirstOrDefault();
                    if (first is Paragraph para)
                    {
                        elements.Add(new TextElement(Layout([new TextSpan(marker), .. Spans(para.Content)], Style(theme.BodySize, TextAlign.Justify), Column - inset - Em),
                            0, Em * 0.2f, inset + Em, name));
                        Blocks(elements, l.Items[i].Skip(1).ToList(), inset + Em * 2, name);
                    }
                    else Blocks(elements, l.Items[i], inset + Em * 2, name);
                }
                break;
            case Table t:
                {
                    var style = Style(theme.BodySize * 0.85f, TextAlign.Left, lineHeight: 1.4f);
                    var cells = t.Rows.Select(r => (IReadOnlyList<TableElement.Cell>)r.Cells
                        .Select(c => new TableElement.Cell(Spans(c.Content).Select(s => s with { Bold = s.Bold || c.IsHeader }).ToList(), c.ColSpan, c.RowSpan)).ToList()).ToList();
                    TableElement Table(float width) => new(cells, (spans, w) => new TextLayout(spans, style, w, fonts), width, Em * 0.3f, _rule, $"a table of {name}");
                    var table = Table(Column - inset);
                    // In columns, a table whose text asks for more than a column is set across them (as a wide figure is).
                    if (InColumns && table.AsksFor > Column - inset)
                    {
                        table = Table(Width - inset);
                        table.SpansColumns = true;
                    }
                    elements.Add(table);
                    elements.Add(new SpaceElement(Em * 0.5f));
                    break;
                }
            case Rule:
                elements.Add(new RuleElement(_rule, Em * 0.6f));
                break;
            default:
                throw new NotSupportedException($"the PDF writer has no layout for a {block.GetType().Name} block");
        }
    }

    private void Figure(List<Element> elements, Figure figure, string name)
    {
        var asset = figure.Image is { } image ? images.Find(image.Location) : null;
        var drawable = asset is not null && asset.MediaType != "image/svg+xml" && asset.Width > 0;
        var caption = Spans(figure.Caption);
        if (figure.Image is not null && !drawable) caption.Add(new TextSpan(char.IsAscii(labels.ImageMissing[0]) ? " " + labels.ImageMissing : labels.ImageMissing)); // a Latin label is spaced from the caption; a full-width bracket carries its own space
        if (!drawable && caption.Count == 0) return;
        var captionStyle = Style(theme.CaptionSize, TextAlign.Center, color: _meta, lineHeight: 1.5f);
        // The caption is set at the width the figure is given: a column's, or the page's when it spans them.
        var spans = drawable && IsWide(asset!);
        var captionWidth = spans ? Width : Column;
        elements.Add(new FigureElement(drawable ? new ImageHandle(asset!, Vertical) : null, geometry.ContentHeight * theme.FigureMaxHeightRatio, theme.ImageDpi,
            caption.Count > 0 ? Layout(caption, captionStyle, captionWidth) : null, captionWidth, width => Layout(caption, captionStyle, width), Em * 0.6f, $"a figure of {name}")
        { SpansColumns = spans });
    }

    private static List<TextSpan> Spans(IReadOnlyList<Inline> inlines, bool bold = false, string? link = null)
    {
        var spans = new List<TextSpan>();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text t: spans.Add(new TextSpan(t.Value, bold, link)); break;
                case Strong s: spans.AddRange(Spans(s.Children, true, link)); break;
                case Emphasis e: spans.AddRange(Spans(e.Children, bold, link)); break;
                // The address as the EPUB writes it (ASCII, an IDN host in punycode), or no link when it cannot be one.
                case Link l: spans.AddRange(Spans(l.Children, bold, EbookBuilder.Model.Text.WebAddress.Normalize(l.Url) ?? link)); break;
                case LineBreak: spans.Add(new TextSpan(null)); break;
                default: throw new NotSupportedException($"the PDF writer has no spans for a {inline.GetType().Name} inline");
            }
        }
        return spans;
    }

    private TextLayout Layout(IReadOnlyList<TextSpan> spans, TextStyle style, float? width = null) =>
        new(spans, style, width ?? Width, fonts);

    private TextStyle Style(float size, TextAlign align, bool bold = false, Color? color = null, float? lineHeight = null, float indent = 0) =>
        new(size, color ?? _text, lineHeight ?? theme.LineHeight, indent * size, align, bold, _link);

    private string FormatDate(DateOnly date) =>
        EbookBuilder.Model.Text.DateText.Format(date, book.Metadata.Language);
}
