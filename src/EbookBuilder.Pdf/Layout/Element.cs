using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Layout;

/// <summary>
/// A layout element (QuestPDF's model): Measure is free of side effects and says whether the
/// element fits the space left on the page; Draw draws what Measure promised and, for a partial
/// fit, remembers where it stopped. <see cref="Description"/> names it in errors.
/// </summary>
internal abstract class Element
{
    public abstract Plan Measure(float width, float height);

    /// <summary>Draws at (x, y) what <see cref="Measure"/> planned for this height; returns the height used.</summary>
    public abstract float Draw(IPageCanvas canvas, float x, float y, float width, float height);

    /// <summary>Keep on the same page as the start of the next element (headings, titles).</summary>
    public virtual bool KeepWithNext => false;

    /// <summary>
    /// Not to start a page alone: an article's short last line ("责任编辑：…") brings the last two
    /// lines of the paragraph before it along rather than sit by itself on a new page.
    /// </summary>
    public virtual bool KeepWithPrevious => false;

    /// <summary>
    /// Page rules are properties of the elements, as in QuestPDF: the paginator asks, and knows no
    /// element by its type. Non-null: the element starts a new page (a chapter's), an opening page.
    /// </summary>
    public virtual PageStart? StartsPage => null;

    /// <summary>The named destination this element marks: the paginator records the page and height where it lands.</summary>
    public virtual string? Marks => null;

    /// <summary>
    /// The height of what is left of the element but its last <paramref name="lines"/> lines, for an
    /// element that can leave lines to the next page (a paragraph whose short last line is kept
    /// with it, see <see cref="KeepWithPrevious"/>); null for one that does not split so.
    /// </summary>
    public virtual float? HeightLeaving(int lines) => null;

    /// <summary>
    /// May be set after the text that follows it when it does not fit the rest of the page (a
    /// figure): that text fills the page and the element opens the next one, never further away.
    /// </summary>
    public virtual bool CanFloat => false;

    /// <summary>
    /// Set across all the columns of a page set in columns (a chapter's title, an article's title
    /// when titles span, a wide figure), the columns above it closed and balanced. The paginator
    /// may clear it for a figure that does not fit across the rest of the page: it is then set in a column.
    /// </summary>
    public bool SpansColumns { get; set; }

    /// <summary>
    /// How far the element has been drawn (a paragraph's next line, a table's next row): saved and
    /// put back by the paginator, which lays a page's columns out again to balance them.
    /// </summary>
    internal virtual int Progress { get => 0; set { } }

    /// <summary>
    /// Moves <see cref="Progress"/> as <see cref="Draw"/> would, drawing nothing (a trial of
    /// balanced columns); returns the height used. By default, a draw onto nothing.
    /// </summary>
    internal virtual float Advance(float width, float height) => Draw(NullCanvas.Instance, 0, 0, width, height);

    /// <summary>Means nothing at the top of a page (the rule that ends an article) and is left out there.</summary>
    public virtual bool LeftOutAtPageTop => false;

    /// <summary>The least height this element needs at a page's bottom (a heading's next: two lines).</summary>
    public virtual float MinimumHeight(float width) => Measure(width, float.MaxValue).Height;

    public abstract string Description { get; }

    /// <summary>The element's text without layout (what a fallback sets), if it has any.</summary>
    public virtual string? TextContent => null;

    /// <summary>
    /// What to set instead when this element fails to measure or draw (a block of an article:
    /// its text as plain paragraphs); null to leave it out. Elements made by a fallback have none.
    /// </summary>
    public Func<IEnumerable<Element>>? Fallback { get; set; }

    /// <summary>Where the element's content came from (an article's file and line), for warnings.</summary>
    public EbookBuilder.Model.Document.SourceSpan? Source { get; set; }
}
