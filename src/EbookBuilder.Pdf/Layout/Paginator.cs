using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Layout;

/// <summary>
/// Flows elements down pages: each element is measured against the space left; a full fit is
/// drawn, a partial fit is drawn and continued on the next page, a non-fit moves to the next page.
/// Elements that keep with the next one move with it. An element that does not fit an empty
/// page is an error naming it, never a loop. Pages go to the sink as soon as they are full.
/// With <paramref name="onFault"/>, an element that throws or fits no page is told to it and
/// replaced by its <see cref="Element.Fallback"/> (or left out): one bad block never costs the
/// book. Failures of the sink (the file being written) are not an element's and always throw.
/// </summary>
internal sealed class Paginator(PageGeometry geometry, IPageSink sink, int firstPage, Action<Element, Exception>? onFault = null)
{
    private IPageCanvas? _canvas;
    private float _y;
    private bool _empty = true;
    private bool _opening;
    private string? _runningTitle;

    public int PageNumber { get; private set; } = firstPage - 1;

    /// <summary>Pages that ended below 60% of the text height though the content went on (not a chapter's or the run's end).</summary>
    public int ShortPages { get; private set; }

    /// <summary>Pages whose last element keeps with the next (a title or heading cut off from its text).</summary>
    public int StrandedHeadings { get; private set; }

    private Element? _lastPlaced;

    /// <summary>Where each destination landed: page number and y.</summary>
    public Dictionary<string, (int Page, float Y)> Destinations { get; } = [];

    /// <summary>
    /// Told of each element as it is drawn, with its page (for the EPUB's page map): an element split
    /// over pages is told of on each, first on the page it starts. Nothing is kept here, so the
    /// elements drawn can be let go.
    /// </summary>
    public Action<Element, int>? Started { get; init; }

    private void Starting(Element element) => Started?.Invoke(element, PageNumber);

    /// <summary>
    /// Lays out the elements as they come: only the element being placed and the few after it that
    /// keep-with-next needs are held, so memory does not grow with the book.
    /// </summary>
    public void Run(IEnumerable<Element> elements, string? runningTitle)
    {
        _runningTitle = runningTitle;
        using var source = elements.GetEnumerator();
        var window = new List<Element>();
        Element? Peek(int ahead)
        {
            while (window.Count <= ahead && source.MoveNext()) window.Add(source.Current);
            return ahead < window.Count ? window[ahead] : null;
        }
        while (Peek(0) is { } element)
        {
            if (element.StartsPage is { } start)
            {
                if (_canvas is not null) FinishPage();
                _opening = true;
                if (start.RunningTitle is not null) _runningTitle = start.RunningTitle;
            }
            else
            {
                // Without onFault nothing is wrapped in an ElementFault: failures throw as they are.
                try
                {
                    if (_empty && element.LeftOutAtPageTop) { window.RemoveAt(0); continue; }
                    if (Float(Peek, window)) continue;
                    Place(Peek);
                }
                catch (ElementFault fault) when (onFault is not null)
                {
                    onFault(fault.Element, fault.InnerException!);
                    var instead = fault.Element.Fallback is { } fallback ? fallback().ToList() : [];
                    if (fault.Element == element) window.InsertRange(1, instead);
                    else // a follower failed while the element was kept with it: replace the follower
                    {
                        var at = window.IndexOf(fault.Element);
                        window.RemoveAt(at);
                        window.InsertRange(at, instead);
                        continue;
                    }
                }
            }
            window.RemoveAt(0);
        }
        if (_canvas is not null) FinishPage();
    }

    private void Place(Func<int, Element?> peek)
    {
        var element = peek(0)!;
        var width = geometry.ContentWidth;
        for (var attempts = 0; ; attempts++)
        {
            EnsurePage();
            var available = geometry.Height - geometry.Bottom - _y;
            if (element.KeepWithNext && !_empty && !FitsWithFollowers(peek, available))
            {
                NewPage();
                continue;
            }
            var plan = Guard(element, () => element.Measure(width, available));
            switch (plan.Kind)
            {
                case PlanKind.Full when element.HeightLeaving(2) is { } leaving && peek(1) is { KeepWithPrevious: true }
                                         && !FollowersFit(peek, width, available - plan.Height)
                                         && (!_empty || Guard(element, () => element.Measure(width, leaving)).Kind == PlanKind.Partial): // never an endless move
                    // What keeps with it (a short last line, the rule that ends the article) would
                    // start the next page alone: the last two lines of this paragraph go with it,
                    // or all of it when it is too short to split.
                    if (element.Measure(width, leaving) is { Kind: PlanKind.Partial } shorter)
                    {
                        Starting(element);
                        _y += Guard(element, () => element.Draw(_canvas!, geometry.Left(PageNumber), _y, width, shorter.Height)); // (the page's fill, for the makeup figures)
                        (_empty, _lastPlaced) = (false, element);
                    }
                    NewPage();
                    continue;
                case PlanKind.Full:
                    if (element.Marks is { } name) Destinations[name] = (PageNumber, _y);
                    Starting(element);
                    _y += Guard(element, () => element.Draw(_canvas!, geometry.Left(PageNumber), _y, width, available));
                    if (plan.Height > 0) (_empty, _lastPlaced) = (false, element);
                    return;
                case PlanKind.Partial:
                    Starting(element);
                    _y += Guard(element, () => element.Draw(_canvas!, geometry.Left(PageNumber), _y, width, available));
                    (_empty, _lastPlaced) = (false, element);
                    NewPage();
                    continue;
                default:
                    if (element.LeftOutAtPageTop && !_empty) return; // the page's end separates as well as it would
                    if (_empty || attempts > 2)
                    {
                        var error = new LayoutException($"{element.Description} does not fit on an empty page ({plan.Reason})");
                        if (onFault is null) throw error;
                        throw new ElementFault(element, error);
                    }
                    NewPage();
                    continue;
            }
        }
    }

    /// <summary>
    /// A title, its meta line and the first two lines of what follows must fit together; a lead
    /// figure that does not fit may float (<see cref="Element.CanFloat"/>), and then the text after it is what follows.
    /// What follows and cannot split (a paragraph of three lines) brings what keeps with it along
    /// (a one-line last paragraph): the chain moves together.
    /// </summary>
    private bool FitsWithFollowers(Func<int, Element?> peek, float available)
    {
        var width = geometry.ContentWidth;
        var needed = 0f;
        for (var i = 0; peek(i) is { StartsPage: null } element; i++)
        {
            if (!element.KeepWithNext)
            {
                var least = Guard(element, () => element.MinimumHeight(width));
                if (needed + least > available + 0.01f && element.CanFloat && peek(i + 1) is { } after && CanFillFor(after))
                    least = Guard(after, () => after.MinimumHeight(width));
                else if (Guard(element, () => element.Measure(width, least)).Kind == PlanKind.Full)
                {
                    var following = 0f;
                    for (var j = i + 1; peek(j) is { KeepWithPrevious: true, LeftOutAtPageTop: false } follower; j++)
                        following += Guard(follower, () => follower.MinimumHeight(width));
                    if (following > 0) least = Guard(element, () => element.Measure(width, float.MaxValue)).Height + following;
                }
                return needed + least <= available + 0.01f;
            }
            needed += Guard(element, () => element.Measure(width, float.MaxValue)).Height;
        }
        return needed <= available + 0.01f;
    }

    /// <summary>Whether what keeps with the element just placed (each with the space left after the one before) fits under it.</summary>
    private bool FollowersFit(Func<int, Element?> peek, float width, float left)
    {
        for (var i = 1; peek(i) is { KeepWithPrevious: true } follower; i++)
        {
            var plan = Guard(follower, () => follower.Measure(width, left));
            if (plan.Kind != PlanKind.Full) return false;
            left -= plan.Height;
        }
        return true;
    }

    /// <summary>Whether <paramref name="element"/> may fill the page in place of a figure that floats: plain flowing content, no page rule of its own.</summary>
    private static bool CanFillFor(Element element) =>
        element is { CanFloat: false, StartsPage: null, KeepWithNext: false, KeepWithPrevious: false, Marks: null, LeftOutAtPageTop: false };

    /// <summary>
    /// A figure that does not fit the rest of a page that has something on it floats: the content
    /// after it is set there (what fits of it), and the figure opens the next page, before the
    /// rest of that content. It never moves further than the next page from where it stands, and
    /// figures keep their order (one never floats past another).
    /// </summary>
    private bool Float(Func<int, Element?> peek, List<Element> window)
    {
        var figure = peek(0)!;
        if (!figure.CanFloat || _empty || _canvas is null || peek(1) is not { } next || !CanFillFor(next)) return false;
        var width = geometry.ContentWidth;
        var available = geometry.Height - geometry.Bottom - _y;
        if (Guard(figure, () => figure.Measure(width, available)).Kind != PlanKind.Wrap) return false;
        var plan = Guard(next, () => next.Measure(width, available));
        if (plan.Kind == PlanKind.Wrap) return false;
        Starting(next);
        _y += Guard(next, () => next.Draw(_canvas, geometry.Left(PageNumber), _y, width, available));
        if (plan.Height > 0) (_empty, _lastPlaced) = (false, next);
        if (plan.Kind == PlanKind.Full) window.Remove(next);
        else NewPage();
        return true;
    }

    /// <summary>Runs one of <paramref name="element"/>'s own methods; what it throws is that element's fault.</summary>
    private T Guard<T>(Element element, Func<T> call)
    {
        if (onFault is null) return call();
        try
        {
            return call();
        }
        catch (Exception e) when (e is not OperationCanceledException and not ElementFault)
        {
            throw new ElementFault(element, e);
        }
    }

    private void EnsurePage()
    {
        if (_canvas is not null) return;
        PageNumber++;
        _canvas = sink.BeginPage(PageNumber);
        _y = geometry.Top;
        _empty = true;
        _lastPlaced = null;
    }

    /// <summary>The page is full, or its content goes on overleaf: counted for the makeup figures, then finished.</summary>
    private void NewPage()
    {
        if (_canvas is not null && !_empty)
        {
            if ((_y - geometry.Top) / geometry.ContentHeight < 0.6f) ShortPages++;
            if (_lastPlaced is { KeepWithNext: true }) StrandedHeadings++;
        }
        FinishPage();
        EnsurePage();
    }

    private void FinishPage()
    {
        EnsurePage();
        sink.EndPage(new PageInfo(PageNumber, _runningTitle, _opening), _canvas!);
        _canvas = null;
        _opening = false;
    }
}
