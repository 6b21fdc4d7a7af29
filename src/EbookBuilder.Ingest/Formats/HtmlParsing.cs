using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest.Formats;

/// <summary>
/// One configuration of AngleSharp's HTML5 parser for every reader: source positions kept, and a
/// time budget per article. The HTML5 tree builder is quadratic in nesting depth (40,000 nested
/// divs take 10 s, 100,000 over a minute): hostile markup must not hang a weekly build. So markup
/// with more tags than <see cref="MaxDepth"/> is first run through AngleSharp's tokenizer (linear);
/// nested deeper than that, it is read as plain text (paragraphs, headings and images kept).
/// </summary>
internal static class HtmlParsing
{
    private static readonly HtmlParserOptions Options = new()
    {
        IsKeepingSourceReferences = true,
        IsScripting = false,
    };

    /// <summary>
    /// A parser per thread: making one (a browsing context and its configuration) cost a fifth of
    /// reading an article. A parser keeps nothing of the documents it made.
    /// </summary>
    [ThreadStatic]
    private static HtmlParser? _parser;

    /// <summary>The longest one article may take to parse.</summary>
    public static TimeSpan Budget => BudgetOverride.Value ?? TimeSpan.FromSeconds(20);

    private static readonly AsyncLocal<TimeSpan?> BudgetOverride = new();

    /// <summary>Another budget for the calling flow only, until disposed (tests: other builds running meanwhile keep theirs).</summary>
    internal static IDisposable WithBudget(TimeSpan budget)
    {
        var saved = BudgetOverride.Value;
        BudgetOverride.Value = budget;
        return new Restore(() => BudgetOverride.Value = saved);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>Nesting deeper than this is not parsed as a tree (real articles nest a few dozen levels; 3,000 parse in 60 ms).</summary>
    public const int MaxDepth = 3000;

    /// <summary>
    /// Parses <paramref name="html"/> of <paramref name="file"/>; markup nested deeper than
    /// <see cref="MaxDepth"/> is flattened first, with a warning.
    /// </summary>
    /// <exception cref="TimeoutException">The markup took longer than <see cref="Budget"/>.</exception>
    public static IDocument Parse(string html, string file, DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        if (html.AsSpan().Count('<') > MaxDepth && NestingDepth(html) is var depth and > MaxDepth)
        {
            diagnostics.Warn(DiagnosticCodes.DeepNesting,
                $"markup nested about {depth:N0} levels deep (more than {MaxDepth:N0}); read as plain text, its formatting dropped", SourceSpan.InFile(file));
            html = Flatten(html);
        }
        return Parse(html, cancellationToken);
    }

    /// <exception cref="TimeoutException">The markup took longer than <see cref="Budget"/>.</exception>
    public static IDocument Parse(string html, CancellationToken cancellationToken = default)
    {
        var allowed = Budget;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(allowed);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var document = (_parser ??= new HtmlParser(Options)).ParseDocumentAsync(html, budget.Token).GetAwaiter().GetResult();
            // The budget's timer runs on the thread pool, and a busy pool runs it late: the clock decides.
            if (clock.Elapsed > allowed) throw new OperationCanceledException(budget.Token);
            return document;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the markup took longer than {allowed.TotalSeconds:0.###} s to parse (nested too deep, or too large)");
        }
    }

    /// <summary>Elements that never hold others, and those a sibling closes by itself (p, li, td, …): neither deepens the tree.</summary>
    private static readonly HashSet<string> Flat = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp",
    };

    /// <summary>How deep the start tags nest (an estimate from the tokens: a tree builder would close some).</summary>
    internal static int NestingDepth(string html)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        int depth = 0, deepest = 0;
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            if (token is not HtmlTagToken tag || Flat.Contains(tag.Name)) continue;
            if (tag.Type == HtmlTokenType.StartTag && !tag.IsSelfClosing) deepest = Math.Max(deepest, ++depth);
            else if (tag.Type == HtmlTokenType.EndTag && depth > 0) depth--;
        }
        return deepest;
    }

    /// <summary>Elements whose text is not text (scripts, styles): dropped with their content.</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "head", "title" };

    /// <summary>Elements that end a paragraph.</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "blockquote", "section", "article", "main", "header", "footer",
        "aside", "nav", "figure", "figcaption", "pre", "hr", "address", "details", "summary",
    };

    /// <summary>
    /// The markup's text as flat HTML: paragraphs at block boundaries, headings as headings, images
    /// with their address and size; every other tag dropped. Made from AngleSharp's tokens.
    /// </summary>
    internal static string Flatten(string html)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        var flat = new StringBuilder(html.Length / 4);
        var open = false;
        string? heading = null, hidden = null;
        void Close()
        {
            if (open) flat.Append("</p>\n");
            open = false;
        }
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            if (token is HtmlTagToken tag)
            {
                var start = tag.Type == HtmlTokenType.StartTag;
                if (hidden is not null)
                {
                    if (!start && tag.Name.Equals(hidden, StringComparison.OrdinalIgnoreCase)) hidden = null;
                    continue;
                }
                if (start && Hidden.Contains(tag.Name) && !tag.IsSelfClosing) hidden = tag.Name;
                else if (tag.Name.Length == 2 && tag.Name[0] is 'h' or 'H' && tag.Name[1] is >= '1' and <= '6')
                {
                    Close();
                    if (start && heading is null) { heading = tag.Name.ToLowerInvariant(); flat.Append('<').Append(heading).Append('>'); }
                    else if (!start && heading is not null) { flat.Append("</").Append(heading).Append(">\n"); heading = null; }
                }
                else if (start && tag.Name.Equals("img", StringComparison.OrdinalIgnoreCase) && heading is null)
                {
                    Close();
                    flat.Append("<p><img");
                    foreach (var name in new[] { "src", "alt", "width", "height" })
                        if (tag.GetAttribute(name) is { Length: > 0 } value) flat.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
                    flat.Append("></p>\n");
                }
                else if (Blocks.Contains(tag.Name) && heading is null) Close();
                continue;
            }
            if (token.Type != HtmlTokenType.Character || hidden is not null) continue;
            if (heading is null && !open)
            {
                if (string.IsNullOrWhiteSpace(token.Data)) continue;
                flat.Append("<p>");
                open = true;
            }
            flat.Append(WebUtility.HtmlEncode(token.Data));
        }
        Close();
        if (heading is not null) flat.Append("</").Append(heading).Append('>');
        return flat.ToString();
    }
}
