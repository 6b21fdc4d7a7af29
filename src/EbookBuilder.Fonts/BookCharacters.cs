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
        var regular = new Occurrences();
        var bold = new Occurrences();
        void Add(Occurrences into, string? text, string where)
        {
            if (string.IsNullOrEmpty(text)) return;
            into.Add(text, where);
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
        return new Texts(regular.Files(' '), bold.Files(' '));
    }

    /// <summary>
    /// The files each character occurs in. The characters of one file are gathered first (a set
    /// of numbers; most characters recur) and added with the file name once per character when
    /// the next file begins: a big book has millions of characters but some thousands distinct.
    /// </summary>
    private sealed class Occurrences
    {
        private readonly Dictionary<int, HashSet<string>> _files = [];
        private readonly HashSet<int> _pending = [];
        private string? _where;

        public void Add(string text, string where)
        {
            if (!ReferenceEquals(where, _where)) Flush(where);
            foreach (var rune in text.EnumerateRunes())
            {
                if (_pending.Contains(rune.Value) || Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || IsInvisible(rune)) continue;
                _pending.Add(rune.Value);
            }
        }

        /// <summary>Every character with its files; <paramref name="always"/> is there even if no text has it.</summary>
        public Dictionary<int, HashSet<string>> Files(int always)
        {
            Flush(null);
            _files.TryAdd(always, []);
            return _files;
        }

        private void Flush(string? next)
        {
            if (_where is not null)
            {
                foreach (var codepoint in _pending)
                {
                    if (!_files.TryGetValue(codepoint, out var files)) _files[codepoint] = files = [];
                    files.Add(_where);
                }
            }
            _pending.Clear();
            _where = next;
        }
    }
}
