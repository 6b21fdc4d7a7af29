using System.Text;
using System.Xml;

namespace EbookBuilder.Epub;

/// <summary>Makes strings safe for XML: characters XML forbids are dropped, never passed on.</summary>
internal static class XmlText
{
    public static string Clean(string value)
    {
        var ok = true;
        for (var i = 0; i < value.Length && ok; i++)
        {
            ok = XmlConvert.IsXmlChar(value[i]) || (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]));
            if (char.IsHighSurrogate(value[i]) && ok) i++;
        }
        if (ok) return value;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (XmlConvert.IsXmlChar(value[i])) sb.Append(value[i]);
            else if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
            {
                sb.Append(value[i]).Append(value[i + 1]);
                i++;
            }
        }
        return sb.ToString();
    }

    public static XmlWriterSettings Settings(bool indent = false) => new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = indent,
        NewLineChars = "\n",
        OmitXmlDeclaration = false,
        CloseOutput = false,
    };
}
