using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace EbookBuilder.Epub;

/// <summary>
/// The IDPF font obfuscation algorithm (EPUB 3 OCF, "Font Obfuscation"): the first 1040 bytes of
/// the font are XORed with the SHA-1 of the package's unique identifier (whitespace removed).
/// Applying it twice gives the font back.
/// </summary>
internal static class FontObfuscation
{
    public const string Algorithm = "http://www.idpf.org/2008/embedding";

    public static byte[] Apply(byte[] font, string uniqueIdentifier)
    {
        var id = new string(uniqueIdentifier.Where(c => c is not (' ' or '\t' or '\r' or '\n')).ToArray());
        var key = SHA1.HashData(Encoding.UTF8.GetBytes(id));
        var result = (byte[])font.Clone();
        for (var i = 0; i < Math.Min(1040, result.Length); i++) result[i] ^= key[i % key.Length];
        return result;
    }

    public static byte[] EncryptionXml(IEnumerable<string> paths)
    {
        const string ns = "urn:oasis:names:tc:opendocument:xmlns:container";
        const string enc = "http://www.w3.org/2001/04/xmlenc#";
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, XmlText.Settings(indent: true)))
        {
            w.WriteStartDocument();
            w.WriteStartElement("encryption", ns);
            w.WriteAttributeString("xmlns", "enc", null, enc);
            foreach (var path in paths)
            {
                w.WriteStartElement("enc", "EncryptedData", enc);
                w.WriteStartElement("enc", "EncryptionMethod", enc);
                w.WriteAttributeString("Algorithm", Algorithm);
                w.WriteEndElement();
                w.WriteStartElement("enc", "CipherData", enc);
                w.WriteStartElement("enc", "CipherReference", enc);
                w.WriteAttributeString("URI", path);
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return buffer.ToArray();
    }
}
