using System.Globalization;
using System.Text;

namespace EbookBuilder.Pipeline;

/// <summary>Output file names from book titles: Chinese kept, characters no file system accepts removed.</summary>
public static class FileNames
{
    private static readonly char[] Forbidden = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    /// <summary>
    /// The most UTF-8 bytes a name takes. File systems count a name's bytes, not its characters
    /// (255 on ext4, btrfs, APFS): a CJK character is 3 bytes, and the name also carries an
    /// extension and, while it is written, a temporary file's 38 more bytes.
    /// </summary>
    public const int MaxBytes = 180;

    /// <summary>A safe file name (without extension) for a book title, shortened by UTF-8 bytes to whole characters.</summary>
    public static string ForBook(string title)
    {
        var chars = title.Select(c => char.IsControl(c) || Forbidden.Contains(c) ? ' ' : c).ToArray();
        var name = string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        if (Encoding.UTF8.GetByteCount(name) > MaxBytes)
        {
            // Whole user-perceived characters: no half of a surrogate pair, no mark without its base.
            var kept = new StringBuilder();
            var bytes = 0;
            var elements = StringInfo.GetTextElementEnumerator(name);
            while (elements.MoveNext())
            {
                var element = elements.GetTextElement();
                bytes += Encoding.UTF8.GetByteCount(element);
                if (bytes > MaxBytes) break;
                kept.Append(element);
            }
            name = kept.ToString().TrimEnd('.', ' ');
        }
        return name.Length == 0 ? "book" : name;
    }
}
