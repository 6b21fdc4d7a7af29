using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace EbookBuilder.Ingest.Formats;

/// <summary>
/// One configuration of AngleSharp's HTML5 parser for every reader: source positions kept, and a
/// time budget per article. The HTML5 tree builder is quadratic in nesting depth (40,000 nested
/// divs take 10 s, 100,000 over a minute): hostile markup must not hang a weekly build.
/// </summary>
internal static class HtmlParsing
{
    private static readonly HtmlParserOptions Options = new()
    {
        IsKeepingSourceReferences = true,
        IsScripting = false,
    };

    /// <summary>The longest one article may take to parse.</summary>
    public static TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(20);

    /// <exception cref="TimeoutException">The markup took longer than <see cref="Budget"/>.</exception>
    public static IDocument Parse(string html, CancellationToken cancellationToken = default)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        try
        {
            return new HtmlParser(Options).ParseDocumentAsync(html, budget.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the markup took longer than {Budget.TotalSeconds:0} s to parse (nested too deep, or too large)");
        }
    }
}
