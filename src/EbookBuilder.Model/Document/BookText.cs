namespace EbookBuilder.Model.Document;

/// <summary>
/// Every string of the book a reader sees, rewritten by one function (a preprocessor's tool, as
/// mdBook's are: the book in, a new book out): the metadata, chapter and article titles, the site
/// named as publisher, text runs, link text, captions, image descriptions and table cells. Link
/// targets, image locations and source addresses are not text and are never passed. The order of
/// the calls is the same for the same article, so a caller may collect the strings in one pass and
/// put converted ones back in a second.
/// </summary>
public static class BookText
{
    /// <summary>The metadata with its title, subtitle, authors, publisher, description and series mapped.</summary>
    public static BookMetadata Map(BookMetadata metadata, Func<string, string> map) => metadata with
    {
        Title = map(metadata.Title),
        Subtitle = MapOrNull(metadata.Subtitle, map),
        Authors = [.. metadata.Authors.Select(map)],
        Publisher = MapOrNull(metadata.Publisher, map),
        Description = MapOrNull(metadata.Description, map),
        Series = MapOrNull(metadata.Series, map),
    };

    /// <summary>The article with its title, publisher and every block's text mapped.</summary>
    public static Article Map(Article article, Func<string, string> map) => article with
    {
        Title = map(article.Title),
        Publisher = MapOrNull(article.Publisher, map),
        Blocks = Map(article.Blocks, map),
    };

    private static IReadOnlyList<Block> Map(IReadOnlyList<Block> blocks, Func<string, string> map) =>
        [.. blocks.Select(block => block switch
        {
            Paragraph p => p with { Content = Map(p.Content, map) },
            Heading h => h with { Content = Map(h.Content, map) },
            Figure f => f with
            {
                Image = f.Image is { } image ? image with { AltText = MapOrNull(image.AltText, map), Title = MapOrNull(image.Title, map) } : null,
                Caption = Map(f.Caption, map),
            },
            Quote q => q with { Blocks = Map(q.Blocks, map) },
            ListBlock l => l with { Items = [.. l.Items.Select(item => Map(item, map))] },
            Table t => t with { Rows = [.. t.Rows.Select(r => r with { Cells = [.. r.Cells.Select(c => c with { Content = Map(c.Content, map) })] })] },
            _ => block,
        })];

    private static IReadOnlyList<Inline> Map(IReadOnlyList<Inline> inlines, Func<string, string> map) =>
        [.. inlines.Select(inline => inline switch
        {
            Text t => t with { Value = map(t.Value) },
            Link l => l with { Children = Map(l.Children, map) },
            Emphasis e => e with { Children = Map(e.Children, map) },
            Strong s => s with { Children = Map(s.Children, map) },
            _ => inline,
        })];

    private static string? MapOrNull(string? text, Func<string, string> map) => text is null ? null : map(text);
}
