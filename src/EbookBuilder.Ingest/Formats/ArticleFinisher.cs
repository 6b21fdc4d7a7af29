using EbookBuilder.Ingest.Html;
using EbookBuilder.Ingest.Metadata;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest.Formats;

/// <summary>The steps every format shares once it has blocks: metadata, heading levels, checks.</summary>
internal static class ArticleFinisher
{
    public static Article Finish(ArticleContext context, IReadOnlyList<Block> blocks, string? sourceUrl)
    {
        var (date, publisher, body) = Dateline.Extract(blocks);
        // What the text says, else what the markup states, else what the URL or the file name carries.
        date ??= context.MarkupDate ?? SourceFacts.Date(sourceUrl, context.File);
        publisher = string.IsNullOrEmpty(publisher) ? SourceFacts.Publisher(sourceUrl) : publisher;
        body = NormaliseHeadings(body);
        var span = SourceSpan.InFile(context.File);
        if (context.Rules.DropLines.Count > 0)
        {
            var slow = new HashSet<string>(StringComparer.Ordinal);
            body = body.Where(b => b is not Paragraph p || !context.Rules.IsBoilerplate(EbookBuilder.Model.Text.PlainText.Of(p.Content), r => slow.Add(r.ToString()))).ToArray();
            foreach (var pattern in slow)
            {
                context.Diagnostics.Warn(DiagnosticCodes.ParseTimeout,
                    $"the [clean] drop-lines pattern '{pattern}' took more than {CleanRules.PatternTimeout.TotalMilliseconds:0} ms on a paragraph, which is kept; "
                    + "simplify the pattern (nested repeats such as (a+)+ or (.*)* try every split of a long line)", span);
            }
        }
        (body, var dropped) = Html.Promotions.Drop(body, context.Rules);
        if (!body.Any(b => b is Paragraph or Quote or ListBlock or Table or Heading or Figure))
        {
            context.Diagnostics.Warn(DiagnosticCodes.EmptyArticle, "the article has no body text", span);
        }
        return new Article(context.Title, date, sourceUrl, publisher, body, span) { Dropped = dropped };
    }

    /// <summary>Shifts heading levels so the article's highest heading is level 1.</summary>
    private static IReadOnlyList<Block> NormaliseHeadings(IReadOnlyList<Block> blocks)
    {
        var levels = blocks.OfType<Heading>().Select(h => h.Level).ToList();
        if (levels.Count == 0) return blocks;
        var shift = levels.Min() - 1;
        return shift == 0 ? blocks : blocks.Select(b => b is Heading h ? h with { Level = h.Level - shift } : b).ToArray();
    }
}
