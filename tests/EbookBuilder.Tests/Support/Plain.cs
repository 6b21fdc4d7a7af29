using EbookBuilder.Model.Document;

namespace EbookBuilder.Tests.Support;

/// <summary>The text of model nodes, for assertions.</summary>
internal static class Plain
{
    public static string Of(IReadOnlyList<Inline> inlines) => EbookBuilder.Model.Text.PlainText.Of(inlines);

    public static string Of(Block block) => block switch
    {
        Paragraph p => Of(p.Content),
        Heading h => Of(h.Content),
        Figure f => Of(f.Caption),
        Quote q => string.Join("\n", q.Blocks.Select(Of)),
        ListBlock l => string.Join("\n", l.Items.SelectMany(i => i).Select(Of)),
        Table t => string.Join("\n", t.Rows.SelectMany(r => r.Cells).Select(c => Of(c.Content))),
        _ => "",
    };

    public static string Of(Article article) => string.Join("\n", article.Blocks.Select(Of));

}
