using EbookBuilder.Model.Diagnostics;

namespace EbookBuilder.Ingest.Html;

/// <summary>What the HTML converter needs to know about the article it converts.</summary>
internal sealed class ArticleContext(string file, string title, Uri? baseUri, DiagnosticBag diagnostics)
{
    public string File { get; } = file;

    public string Title { get; set; } = title;

    /// <summary>The article's original URL, against which relative image sources resolve.</summary>
    public Uri? BaseUri { get; set; } = baseUri;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>The book's extra cleaning rules.</summary>
    public CleanRules Rules { get; init; } = CleanRules.None;

    /// <summary>The publication date the markup states (a meta tag, a &lt;time datetime&gt;), if any.</summary>
    public DateOnly? MarkupDate { get; set; }

    /// <summary>Whether content deeper than the nesting limit was flattened to text.</summary>
    public bool Flattened { get; set; }
}
