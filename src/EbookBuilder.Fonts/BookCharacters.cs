using System.Text;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Fonts;

/// <summary>
/// Every character a book shows, split by weight: bold for titles, headings and strong text,
/// regular for the rest; plus the characters the writers add themselves (labels, dates, page
/// numbers, TOC leaders).
/// </summary>
internal static class BookCharacters
{
    /// <summary>Digits, Latin letters and punctuation the styles and writers may add.</summary>
    public const string Added = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .,:;!?()[]/-–—…·•“”‘’\"'%#&+年月日第页目录正文原文书名页图片未能收录（）、，。：；？！《》「」『』【】";

    /// <summary>Format characters and variation selectors select or join; they are not drawn and need no glyph.</summary>
    private static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format
        || rune.Value is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF;

    public sealed record Texts(IReadOnlyDictionary<int, HashSet<string>> Regular, IReadOnlyDictionary<int, HashSet<string>> Bold);

    /// <summary>Characters by weight, each with the articles (files) it occurs in; "" for book-level text.</summary>
    public static Texts Collect(Book book, IEnumerable<string> extra)
    {
        var regular = new Dictionary<int, Occurrences>();
        var bold = new Dictionary<int, Occurrences>();
        void Add(Dictionary<int, Occurrences> into, string? text, string where)
        {
            if (string.IsNullOrEmpty(text)) return;
            foreach (var rune in text.EnumerateRunes())
            {
                if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || IsInvisible(rune)) continue;
                if (!into.TryGetValue(rune.Value, out var seen)) into[rune.Value] = seen = new Occurrences();
                seen.Add(where);
            }
        }
        void Inlines(IReadOnlyList<Inline> inlines, bool strong, string where)
        {
            foreach (var inline in inlines)
            {
                switch (inline)
                {
                    case Text t: Add(strong ? bold : regular, t.Value, where); break;
                    case Strong s: Inlines(s.Children, true, where); break;
                    case Emphasis e: Inlines(e.Children, strong, where); break;
                    case Link l: Inlines(l.Children, strong, where); break;
                }
            }
        }
        void Blocks(IReadOnlyList<Block> blocks, string where)
        {
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case Paragraph p: Inlines(p.Content, false, where); break;
                    case Heading h: Inlines(h.Content, true, where); break;
                    case Figure f: Inlines(f.Caption, false, where); break;
                    case Quote q: Blocks(q.Blocks, where); break;
                    case ListBlock l: foreach (var item in l.Items) Blocks(item, where); break;
                    case Table t:
                        foreach (var cell in t.Rows.SelectMany(r => r.Cells)) Inlines(cell.Content, cell.IsHeader, where);
                        break;
                }
            }
        }

        Add(bold, book.Metadata.Title, "");
        Add(regular, book.Metadata.Title, "");
        foreach (var author in book.Metadata.Authors) Add(regular, author, "");
        Add(regular, book.Metadata.Publisher, "");
        Add(regular, book.Metadata.Description, "");
        foreach (var text in extra.Append(Added)) Add(regular, text, "");
        foreach (var chapter in book.Chapters)
        {
            Add(bold, chapter.Title, "");
            Add(regular, chapter.Title, ""); // tables of contents set titles in the regular weight
            foreach (var article in chapter.Articles)
            {
                var where = article.Source.File;
                Add(bold, article.Title, where);
                Add(regular, article.Title, where);
                Add(regular, article.Publisher, where);
                Blocks(article.Blocks, where);
            }
        }
        // The space is drawn between Latin words (and measured everywhere): every face needs it.
        regular.TryAdd(' ', new Occurrences());
        bold.TryAdd(' ', new Occurrences());
        return new Texts(regular.ToDictionary(p => p.Key, p => p.Value.Files), bold.ToDictionary(p => p.Key, p => p.Value.Files));
    }

    /// <summary>
    /// The files a character occurs in. A character mostly recurs in the same article, which is
    /// then the last one added: that is checked by reference, so the file name is hashed only
    /// once per character and article (not once per occurrence: two million times in a big book).
    /// </summary>
    private sealed class Occurrences
    {
        private string? _last;

        public HashSet<string> Files { get; } = [];

        public void Add(string where)
        {
            if (ReferenceEquals(where, _last)) return;
            Files.Add(where);
            _last = where;
        }
    }
}
