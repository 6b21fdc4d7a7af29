using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace EbookBuilder.Ingest.Formats;

/// <summary>One configuration of AngleSharp's HTML5 parser for every reader: source positions kept.</summary>
internal static class HtmlParsing
{
    private static readonly HtmlParserOptions Options = new()
    {
        IsKeepingSourceReferences = true,
        IsScripting = false,
    };

    public static IDocument Parse(string html) => new HtmlParser(Options).ParseDocument(html);
}
