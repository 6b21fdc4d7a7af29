using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EbookBuilder.Epub;

/// <summary>
/// Kobo's markup for a content page of a KEPUB: the body's content in
/// <c>div#book-columns &gt; div#book-inner</c> (Kobo's reader pages by them), and every sentence of
/// every paragraph in a <c>span.koboSpan</c> with the id <c>kobo.P.S</c> (paragraph P of the page,
/// sentence S of it; Kobo keeps the reading position, highlights and statistics by them), each
/// image in one too. Sentences end after 。！？!? and …, with the closing marks after them, and
/// after a full stop followed by a space. The text is unchanged: only elements are added.
/// </summary>
public static class KoboSpans
{
    private static readonly XNamespace Xhtml = XhtmlPage.XhtmlNs;

    /// <summary>Elements whose text is a paragraph of its own (Kobo's P).</summary>
    private static readonly HashSet<string> Paragraphs = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "th", "td", "figcaption", "caption", "pre", "blockquote", "div"];

    /// <summary>Where text is not the book's reading text (a KEPUB leaves it alone).</summary>
    private static readonly HashSet<string> Untouched = ["script", "style", "svg", "math"];

    /// <summary>The page <paramref name="xhtml"/> (UTF-8 XHTML) with Kobo's markup added.</summary>
    public static byte[] Add(byte[] xhtml)
    {
        var document = XhtmlPage.Load(xhtml);
        var body = document.Root?.Element(Xhtml + "body") ?? throw new InvalidDataException("the page has no body");
        var inner = new XElement(Xhtml + "div", new XAttribute("id", "book-inner"), body.Nodes().ToList());
        body.RemoveNodes();
        body.Add(new XElement(Xhtml + "div", new XAttribute("id", "book-columns"), inner));
        var paragraph = 0;
        Walk(inner, ref paragraph);
        return XhtmlPage.Save(document);
    }

    private static void Walk(XElement element, ref int paragraph)
    {
        foreach (var child in element.Elements().ToList())
        {
            var name = child.Name.LocalName;
            if (Untouched.Contains(name)) continue;
            // A paragraph: a text block with no block inside it (a list item of paragraphs, a
            // quotation, a figure are walked into instead).
            var paragraphLike = Paragraphs.Contains(name) && !child.Descendants().Any(d => Paragraphs.Contains(d.Name.LocalName))
                && child.DescendantNodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value));
            if (paragraphLike || name == "img")
            {
                paragraph++;
                var sentence = 0;
                if (name == "img") Wrap(child, paragraph, ref sentence);
                else Mark(child, paragraph, ref sentence);
            }
            else Walk(child, ref paragraph);
        }
    }

    /// <summary>The sentences of a paragraph's text nodes, at any depth (inside links and emphasis too), in spans.</summary>
    private static void Mark(XElement element, int paragraph, ref int sentence)
    {
        foreach (var node in element.Nodes().ToList())
        {
            switch (node)
            {
                case XText text when !string.IsNullOrWhiteSpace(text.Value):
                    var spans = new List<XElement>();
                    foreach (var piece in Sentences(text.Value)) spans.Add(Span(paragraph, ++sentence, piece));
                    text.ReplaceWith(spans);
                    break;
                case XElement { Name.LocalName: "img" } image:
                    Wrap(image, paragraph, ref sentence);
                    break;
                case XElement child when !Untouched.Contains(child.Name.LocalName):
                    Mark(child, paragraph, ref sentence);
                    break;
            }
        }
    }

    private static void Wrap(XElement element, int paragraph, ref int sentence)
    {
        var span = Span(paragraph, ++sentence, null);
        element.ReplaceWith(span);
        span.Add(element);
    }

    private static XElement Span(int paragraph, int sentence, string? text) =>
        new(Xhtml + "span", new XAttribute("class", "koboSpan"), new XAttribute("id", $"kobo.{paragraph}.{sentence}"), text);

    private const string Ends = "。！？!?…‼⁇⁈⁉";
    private const string Closing = "”’」』）)]》〉\"'";

    /// <summary>A text cut after each sentence end (and the closing marks after it); the pieces put together are the text.</summary>
    internal static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = Ends.Contains(text[i]) || text[i] == '.' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]));
            if (!end) continue;
            while (i + 1 < text.Length && (Ends.Contains(text[i + 1]) || Closing.Contains(text[i + 1]) || text[i + 1] == '.')) i++;
            while (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1])) i++; // the space after a sentence stays with it
            yield return text[start..(i + 1)];
            start = i + 1;
        }
        if (start < text.Length) yield return text[start..];
    }
}
