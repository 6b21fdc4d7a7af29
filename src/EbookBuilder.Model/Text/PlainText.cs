using System.Text;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Model.Text;

/// <summary>The text of inlines and blocks without markup: for boilerplate patterns and for telling duplicate articles apart.</summary>
public static class PlainText
{
    /// <summary>The text of a run of inlines (a line break is a newline).</summary>
    public static string Of(IReadOnlyList<Inline> inlines)
    {
        var text = new StringBuilder();
        Append(text, inlines);
        return text.ToString();
    }

    /// <summary>The text of blocks, a newline between blocks; figures give their captions.</summary>
    public static string Of(IReadOnlyList<Block> blocks)
    {
        var text = new StringBuilder();
        Append(text, blocks);
        return text.ToString();
    }

    private static void Append(StringBuilder text, IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph p: Append(text, p.Content); break;
                case Heading h: Append(text, h.Content); break;
                case Figure f: Append(text, f.Caption); break;
                case Quote q: Append(text, q.Blocks); break;
                case ListBlock l: foreach (var item in l.Items) Append(text, item); break;
                case Table t: foreach (var cell in t.Rows.SelectMany(r => r.Cells)) { Append(text, cell.Content); text.Append('\t'); } break;
                case Rule: break;
                default: break; // a type without a case here fails ExhaustiveBlockTests (a writer's fallback, not the text, handles it at run time)
            }
            text.Append('\n');
        }
    }

    private static void Append(StringBuilder text, IReadOnlyList<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Document.Text t: text.Append(t.Value); break;
                case Emphasis e: Append(text, e.Children); break;
                case Strong s: Append(text, s.Children); break;
                case Link l: Append(text, l.Children); break;
                case LineBreak: text.Append('\n'); break;
                default: break; // see ExhaustiveBlockTests
            }
        }
    }
}
