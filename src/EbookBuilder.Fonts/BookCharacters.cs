using System.Text;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Fonts;

/// <summary>
/// Every character a book shows, split by weight: bold for titles, headings and strong text,
/// regular for the rest; plus the text the writers declare they add (labels, dates, page
/// numbers, TOC leaders).
/// </summary>
internal static class BookCharacters
{
    /// <summary>Format characters and variation selectors select or join; they are not drawn and need no glyph.</summary>
    private static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format
        || rune.Value is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF;

    /// <summary>The characters of the bold and the regular text, each once, space included, without those that are not drawn.</summary>
    public sealed record Texts(IReadOnlySet<int> Regular, IReadOnlySet<int> Bold);

    /// <summary>Every character the book shows, by weight.</summary>
    public static Texts Collect(Book book, IEnumerable<string> extra)
    {
        var regular = new CodepointSet();
        var bold = new CodepointSet();
        Walk(book, extra, (text, strong, _) => (strong ? bold : regular).Add(text));
        // The space is drawn between Latin words (and measured everywhere): every face needs it.
        return new Texts(regular.Visible(' '), bold.Visible(' '));
    }

    /// <summary>
    /// The articles (files) each of <paramref name="codepoints"/> occurs in: asked only for the
    /// few characters no font has, so that the warning can say where they are.
    /// </summary>
    public static Dictionary<int, SortedSet<string>> FilesWith(Book book, IReadOnlySet<int> codepoints)
    {
        var files = new Dictionary<int, SortedSet<string>>();
        Walk(book, [], (text, _, where) =>
        {
            if (where.Length == 0) return;
            foreach (var rune in text.EnumerateRunes())
            {
                if (!codepoints.Contains(rune.Value)) continue;
                if (!files.TryGetValue(rune.Value, out var set)) files[rune.Value] = set = new SortedSet<string>(StringComparer.Ordinal);
                set.Add(where);
            }
        });
        return files;
    }

    /// <summary>Each text of the book: whether it is set bold, and its article's file ("" for book-level text).</summary>
    private static void Walk(Book book, IEnumerable<string> extra, Action<string, bool, string> visit)
    {
        void Add(string? text, bool strong, string where)
        {
            if (!string.IsNullOrEmpty(text)) visit(text, strong, where);
        }
        void Inlines(IReadOnlyList<Inline> inlines, bool strong, string where)
        {
            foreach (var inline in inlines)
            {
                switch (inline)
                {
                    case Text t: Add(t.Value, strong, where); break;
                    case Strong s: Inlines(s.Children, true, where); break;
                    case Emphasis e: Inlines(e.Children, strong, where); break;
                    case Link l: Inlines(l.Children, strong, where); break;
                    case LineBreak: break;
                    default: break; // a type without a case here fails ExhaustiveBlockTests
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
                    case Rule: break;
                    default: break; // a type without a case here fails ExhaustiveBlockTests (the writers warn and fall back)
                }
            }
        }

        Add(book.Metadata.Title, true, "");
        Add(book.Metadata.Title, false, "");
        foreach (var author in book.Metadata.Authors) Add(author, false, "");
        Add(book.Metadata.Publisher, false, "");
        Add(book.Metadata.SeriesLine, false, "");
        Add(book.Metadata.Description, false, "");
        foreach (var text in extra) Add(text, false, "");
        foreach (var chapter in book.Chapters)
        {
            Add(chapter.Title, true, "");
            Add(chapter.Title, false, ""); // tables of contents set titles in the regular weight
            foreach (var article in chapter.Articles)
            {
                var where = article.Source.File;
                Add(article.Title, true, where);
                Add(article.Title, false, where);
                Add(article.Publisher, false, where);
                Blocks(article.Blocks, where);
            }
        }
    }

    /// <summary>
    /// A set of characters, a bit per code point: a big book has millions of characters but some
    /// thousands distinct, and most of the work is seeing that a character is there already.
    /// </summary>
    private sealed class CodepointSet
    {
        private readonly ulong[] _bits = new ulong[(0x10FFFF >> 6) + 1];
        private readonly List<int> _added = [];

        public void Add(string text)
        {
            foreach (var rune in text.EnumerateRunes())
            {
                ref var word = ref _bits[rune.Value >> 6];
                var bit = 1UL << (rune.Value & 63);
                if ((word & bit) != 0) continue;
                word |= bit;
                _added.Add(rune.Value);
            }
        }

        /// <summary>The characters that are drawn, and <paramref name="always"/>.</summary>
        public HashSet<int> Visible(int always)
        {
            var visible = _added.Where(c => new Rune(c) is var rune && !Rune.IsWhiteSpace(rune) && !Rune.IsControl(rune) && !IsInvisible(rune)).ToHashSet();
            visible.Add(always);
            return visible;
        }
    }
}
