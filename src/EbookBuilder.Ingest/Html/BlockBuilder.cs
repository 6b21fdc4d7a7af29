using AngleSharp.Dom;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest.Html;

/// <summary>
/// Walks cleaned-up HTML and produces the model's blocks: paragraphs, headings, figures with their
/// captions, quotes, lists, tables and rules. Unknown elements are unwrapped (their text kept,
/// the element never reaches the output); junk is skipped whole.
/// </summary>
internal sealed class BlockBuilder
{
    /// <summary>Deeper nesting than this is flattened to text: hostile input must not exhaust the stack.</summary>
    private const int MaxDepth = 256;

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "center", "section", "article", "main", "header", "footer", "aside", "pre", "address",
        "dl", "dt", "dd", "details", "summary", "body", "html", "figcaption", "fieldset", "legend", "hgroup",
    };

    private readonly ArticleContext _context;
    private readonly int _topDepth;
    private readonly List<Block> _blocks = [];
    private InlineBuilder _inline = new(default);
    private InlineBuilder? _caption;         // text after an image in a centred block
    private InlineBuilder? _explicitCaption; // a caption element's text
    private int _flushedVisible;
    private int _pendingFigure = -1;         // index of a figure that may still take a caption
    private int _pendingFigureMark;

    /// <param name="context">The article being converted.</param>
    /// <param name="topDepth">Depth of the document's top-level elements; rules there are page furniture.</param>
    public BlockBuilder(ArticleContext context, int topDepth)
    {
        _context = context;
        _topDepth = topDepth;
    }

    private InlineBuilder Current => _explicitCaption ?? _caption ?? _inline;

    private int VisibleSoFar => _flushedVisible + _inline.VisibleCount;

    public void VisitChildren(INode parent, int depth)
    {
        foreach (var child in parent.ChildNodes)
        {
            Visit(child, depth);
        }
    }

    public IReadOnlyList<Block> Finish()
    {
        EndCaption();
        Flush();
        for (var i = 0; i < _blocks.Count; i++)
        {
            if (_blocks[i] is Figure { Caption.Count: 0, Image: { } image } figure)
            {
                var text = new[] { image.AltText, image.Title }.FirstOrDefault(t => CaptionRules.AltIsCaption(t, _context.Title));
                if (text is not null) _blocks[i] = figure with { Caption = [new Text(text.Trim(), figure.Source)] };
            }
        }
        return _blocks.ToArray();
    }

    private void Visit(INode node, int depth)
    {
        switch (node)
        {
            case IText text:
                Current.AppendText(text.Data, SpanOf(text.ParentElement));
                break;
            case IElement element:
                VisitElement(element, depth + 1);
                break;
        }
    }

    private void VisitElement(IElement e, int depth)
    {
        if (JunkRules.IsJunk(e))
        {
            // A player, or a player box the cleaner drops, leaves a figure with a link to its video.
            if (VideoEmbed.Find(e, _context, SpanOf) is { } video)
            {
                EndCaption();
                Flush();
                _blocks.Add(video);
            }
            return;
        }
        if (depth > MaxDepth)
        {
            if (!_context.Flattened)
            {
                _context.Flattened = true;
                _context.Diagnostics.Warn(DiagnosticCodes.DeepNesting,
                    $"markup nested deeper than {MaxDepth} levels; the rest is kept as plain text", SpanOf(e));
            }
            Current.AppendText(e.TextContent, SpanOf(e));
            return;
        }
        var name = e.LocalName;
        switch (name)
        {
            case "img":
                VisitImage(e);
                return;
            case "br":
                VisitBreak(e);
                return;
            case "hr":
                Flush();
                if (depth > _topDepth) _blocks.Add(new Rule(SpanOf(e)));
                return;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                Flush();
                VisitChildren(e, depth);
                Flush(headingLevel: name[1] - '0');
                return;
            case "blockquote":
                VisitNested(e, depth, blocks => new Quote(blocks, SpanOf(e)));
                return;
            case "ul" or "ol":
                VisitList(e, depth);
                return;
            case "table":
                VisitTable(e, depth);
                return;
        }
        if (CaptionRules.IsCaptionElement(e) && TryCaption(e, depth)) return;
        if (BlockTags.Contains(name) || name == "figure")
        {
            if (_explicitCaption is not null)
            {
                // Blocks inside a caption element are lines of the caption.
                if (_explicitCaption.HasContent) _explicitCaption.Break(SpanOf(e));
                VisitChildren(e, depth);
                return;
            }
            EndCaption();
            Flush();
            VisitChildren(e, depth);
            EndCaption();
            Flush();
            return;
        }
        VisitInline(e, depth);
    }

    private void VisitInline(IElement e, int depth)
    {
        var span = SpanOf(e);
        switch (e.LocalName)
        {
            case "strong" or "b":
                Current.OpenStrong(span);
                VisitChildren(e, depth);
                Current.Close();
                return;
            case "em" or "i" or "cite" or "dfn" or "var":
                Current.OpenEmphasis(span);
                VisitChildren(e, depth);
                Current.Close();
                return;
        }
        // <a>, SecretChina's <span href>: a link only if it leads somewhere worth going. The mirror
        // marks a site's keyword links as <ok href>: every one is a keyword, whatever its URL looks like.
        if (e.LocalName != "ok" && e.HasAttribute("href") && LinkPolicy.KeepUrl(e.GetAttribute("href")) is { } url)
        {
            Current.OpenLink(url, span);
            VisitChildren(e, depth);
            Current.Close();
            return;
        }
        VisitChildren(e, depth);
    }

    private void VisitImage(IElement img)
    {
        var raw = ImageSource.RawSource(img);
        if (JunkRules.IsTrackingImage(img, raw)) return;
        EndCaption();
        Flush();
        _blocks.Add(new Figure(ImageSource.Resolve(img, raw!, _context.BaseUri, _context.File), [], SpanOf(img)));
        _pendingFigure = _blocks.Count - 1;
        _pendingFigureMark = VisibleSoFar;
        if (InCentredBlock(img)) _caption = new InlineBuilder(SpanOf(img));
    }

    private static bool InCentredBlock(IElement img)
    {
        var ancestor = img.ParentElement;
        for (var i = 0; i < 4 && ancestor is not null; i++, ancestor = ancestor.ParentElement)
        {
            if (BlockTags.Contains(ancestor.LocalName) && CaptionRules.IsCentredImageBlock(ancestor)) return true;
        }
        return false;
    }

    private void VisitBreak(IElement br)
    {
        if (_caption is not null)
        {
            if (_caption.HasContent) _caption.Break(SpanOf(br));
            return;
        }
        // Two breaks in a row separate paragraphs (RFA writes paragraphs that way).
        if (_inline.EndsWithBreak) Flush();
        else _inline.Break(SpanOf(br));
    }

    /// <summary>Makes the element the caption of the image just before it, if no text came between.</summary>
    private bool TryCaption(IElement e, int depth)
    {
        if (_pendingFigure < 0 || VisibleSoFar != _pendingFigureMark) return false;
        if (_blocks[_pendingFigure] is not Figure { Caption.Count: 0 } figure) return false;
        if (_explicitCaption is not null) return false;
        EndCaption();
        var builder = new InlineBuilder(SpanOf(e));
        _explicitCaption = builder;
        VisitChildren(e, depth);
        _explicitCaption = null;
        var caption = builder.Finish();
        if (caption.Count > 0) _blocks[_pendingFigure] = figure with { Caption = caption };
        return true;
    }

    private void EndCaption()
    {
        if (_caption is null) return;
        var caption = _caption.Finish();
        _caption = null;
        if (caption.Count == 0 || _pendingFigure < 0) return;
        if (_blocks[_pendingFigure] is Figure { Caption.Count: 0 } figure)
            _blocks[_pendingFigure] = figure with { Caption = caption };
        else
            _blocks.Add(new Paragraph(caption, caption[0].Source)); // never lose text
    }

    private void VisitNested(IElement e, int depth, Func<IReadOnlyList<Block>, Block> wrap)
    {
        EndCaption();
        Flush();
        var inner = new BlockBuilder(_context, topDepth: -1);
        inner.VisitChildren(e, depth);
        var blocks = inner.Finish();
        if (blocks.Count > 0) _blocks.Add(wrap(blocks));
    }

    private void VisitList(IElement list, int depth)
    {
        EndCaption();
        Flush();
        var items = new List<IReadOnlyList<Block>>();
        foreach (var child in list.ChildNodes)
        {
            var inner = new BlockBuilder(_context, topDepth: -1);
            if (child is IElement { LocalName: "li" } li) inner.VisitChildren(li, depth);
            else inner.Visit(child, depth);
            var blocks = inner.Finish();
            if (blocks.Count > 0) items.Add(blocks);
        }
        if (items.Count > 0) _blocks.Add(new ListBlock(list.LocalName == "ol", items, SpanOf(list)));
    }

    private void VisitTable(IElement table, int depth)
    {
        EndCaption();
        Flush();
        var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table).ToList();
        var cellCount = rows.Sum(r => r.Children.Count(c => c.LocalName is "td" or "th"));
        if (cellCount <= 1)
        {
            // A layout table: its cell is ordinary content.
            VisitChildren(table, depth);
            Flush();
            return;
        }
        var tableRows = new List<TableRow>();
        var extraBlocks = new List<Block>();
        foreach (var row in rows)
        {
            var cells = new List<TableCell>();
            foreach (var cell in row.Children.Where(c => c.LocalName is "td" or "th"))
            {
                var inner = new BlockBuilder(_context, topDepth: -1);
                inner.VisitChildren(cell, depth + 2);
                var content = new List<Inline>();
                foreach (var block in inner.Finish())
                {
                    var inlines = block switch
                    {
                        Paragraph p => p.Content,
                        Heading h => h.Content,
                        _ => null,
                    };
                    if (inlines is null) { extraBlocks.Add(block); continue; }
                    if (content.Count > 0) content.Add(new LineBreak(block.Source));
                    content.AddRange(inlines);
                }
                cells.Add(new TableCell(content, cell.LocalName == "th") { ColSpan = Span(cell, "colspan", 1000), RowSpan = Span(cell, "rowspan", 65534) });
            }
            if (cells.Count > 0) tableRows.Add(new TableRow(cells));
        }
        // A rowspan past the last row ends at it (as browsers read it; the XHTML then says what is drawn).
        for (var r = 0; r < tableRows.Count; r++)
        {
            if (tableRows[r].Cells.Any(c => c.RowSpan > tableRows.Count - r))
                tableRows[r] = new TableRow(tableRows[r].Cells.Select(c => c with { RowSpan = Math.Min(c.RowSpan, tableRows.Count - r) }).ToList());
        }
        if (tableRows.Count > 0) _blocks.Add(new Table(tableRows, SpanOf(table)));
        _blocks.AddRange(extraBlocks);
    }

    /// <summary>A cell's colspan or rowspan as HTML reads it: a whole number from 1 to the limit HTML sets; anything else is 1.</summary>
    private static int Span(IElement cell, string name, int max) =>
        int.TryParse(cell.GetAttribute(name)?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1
            ? Math.Min(n, max) : 1;

    private void Flush(int headingLevel = 0)
    {
        var visible = _inline.VisibleCount;
        var content = _inline.Finish();
        _inline = new InlineBuilder(default);
        _flushedVisible += visible;
        if (content.Count == 0) return;
        var source = content[0].Source;
        _blocks.Add(headingLevel > 0 ? new Heading(headingLevel, content, source) : new Paragraph(content, source));
    }

    private SourceSpan SpanOf(IElement? element)
    {
        var line = element?.SourceReference?.Position.Line ?? 0;
        return new SourceSpan(_context.File, line);
    }
}
