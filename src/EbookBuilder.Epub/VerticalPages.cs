using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace EbookBuilder.Epub;

/// <summary>
/// A content page set vertically (<c>--vertical</c>): the root element in the stylesheet's
/// <c>vertical</c> class (columns from right to left, <c>writing-mode: vertical-rl</c>), and each
/// number of one or two digits in a <c>span.tcy</c>, set upright across the column (縦中横,
/// <c>text-combine-upright</c>); longer numbers and Latin words lie on their side, as vertical
/// Chinese and Japanese books set them. The text is unchanged: only a class and spans are added.
/// </summary>
public static partial class VerticalPages
{
    private static readonly XNamespace Xhtml = XhtmlPage.XhtmlNs;

    /// <summary>Where text is not the book's reading text.</summary>
    private static readonly HashSet<string> Untouched = ["script", "style", "svg", "math", "head"];

    /// <summary>The page <paramref name="xhtml"/> (UTF-8 XHTML), set vertically.</summary>
    public static byte[] Apply(byte[] xhtml)
    {
        var document = XhtmlPage.Load(xhtml);
        var root = document.Root ?? throw new InvalidDataException("the page has no root element");
        root.SetAttributeValue("class", string.Join(' ', new[] { (string?)root.Attribute("class"), "vertical" }.OfType<string>()));
        if (root.Element(Xhtml + "body") is { } body) Walk(body);
        return XhtmlPage.Save(document);
    }

    private static void Walk(XElement element)
    {
        foreach (var node in element.Nodes().ToList())
        {
            switch (node)
            {
                case XText text when ShortNumber().IsMatch(text.Value):
                    var parts = new List<object>();
                    var at = 0;
                    foreach (Match m in ShortNumber().Matches(text.Value))
                    {
                        if (m.Index > at) parts.Add(new XText(text.Value[at..m.Index]));
                        parts.Add(new XElement(Xhtml + "span", new XAttribute("class", "tcy"), m.Value));
                        at = m.Index + m.Length;
                    }
                    if (at < text.Value.Length) parts.Add(new XText(text.Value[at..]));
                    text.ReplaceWith(parts);
                    break;
                case XElement child when !Untouched.Contains(child.Name.LocalName):
                    Walk(child);
                    break;
            }
        }
    }

    /// <summary>One or two digits standing alone: not part of a longer number, a word, a decimal, a date written with dashes or a path.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z.,:/_\-])[0-9]{1,2}(?![0-9A-Za-z.,:/_\-])")]
    private static partial Regex ShortNumber();
}
