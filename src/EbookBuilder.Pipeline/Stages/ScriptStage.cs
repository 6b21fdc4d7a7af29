using EbookBuilder.Assembly.Scripts;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline.Stages;

/// <summary>
/// The book in the reader's script and quotation marks (<c>--script</c>, <c>--quotes</c>), before any
/// asset or writer sees it, so the fonts are subset to the converted characters and every format
/// has the same words: the metadata, chapter titles and each article (in parallel, one OpenCC call
/// per article). An article OpenCC fails on is kept as written, with a warning at its file.
/// </summary>
internal static class ScriptStage
{
    public static Book Run(Book book, BuildSettings settings, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var quotes = settings.Quotes;
        if (settings.Script is not { } script)
            return quotes == QuoteStyle.Keep ? book : Map(book, article => BookText.Map(article, t => quotes.Apply(t)), t => quotes.Apply(t), cancellationToken);

        ScriptConverter converter;
        try
        {
            converter = ScriptConverter.Open(script);
        }
        catch (ScriptUnavailableException e)
        {
            throw new BuildInputException(e.Message);
        }
        using (converter)
        {
            string One(string text) => quotes.Apply(converter.Convert(text));
            return Map(book, article =>
            {
                try
                {
                    // Every string of the article in one call: collected in one pass, put back in a second.
                    var strings = new List<string>();
                    BookText.Map(article, s => { strings.Add(s); return s; });
                    var converted = converter.ConvertAll(strings);
                    var next = 0;
                    return BookText.Map(article, _ => quotes.Apply(converted[next++]));
                }
                catch (InvalidOperationException e)
                {
                    diagnostics.Warn(DiagnosticCodes.NotConverted, $"kept in its own script: {e.Message}", article.Source);
                    return article;
                }
            }, One, cancellationToken);
        }
    }

    private static Book Map(Book book, Func<Article, Article> article, Func<string, string> text, CancellationToken cancellationToken)
    {
        var articles = book.Chapters.SelectMany(c => c.Articles).ToArray();
        var mapped = new Article[articles.Length];
        Parallel.For(0, articles.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => mapped[i] = article(articles[i]));
        var next = 0;
        var chapters = book.Chapters.Select(c => c with { Title = text(c.Title), Articles = [.. c.Articles.Select(_ => mapped[next++])] }).ToList();
        return new Book(BookText.Map(book.Metadata, text), chapters);
    }
}
