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
/// <para>
/// On a page of columns (<see cref="PageGeometry.Columns"/>) an element fills a column, then the
/// next, then the next page's first; the same rules hold in each column as on a page. What is set in
/// the columns is drawn when they close: at the page's end as it stands, and before what spans them
/// (<see cref="Element.SpansColumns"/>), a new page or the run's end balanced: laid out again into
/// columns of the least height that holds it all.
/// </para>
/// </summary>
internal sealed class Paginator(PageGeometry geometry, IPageSink sink, int firstPage, Action<Element, Exception>? onFault = null)
{
    private IPageCanvas? _canvas;
    private float _y;
    private bool _empty = true;

    // On a page of columns: the column being filled, the top of the columns (below what spans
    // them), their foot (the page's, or a balanced height's in a trial), the y each column reached,
    // and what is set in them, drawn when they close.
    private int _column;
    private float _top;
    private float _bottom;
    private readonly float[] _ends = new float[geometry.Columns];
    private List<Placement>? _placed = geometry.Columns > 1 ? [] : null;
    private bool _trial;

    /// <summary>An element set in a column, to be drawn when the columns close: where, how far it had been drawn before, and whether its destination lands there.</summary>
    private sealed record Placement(Element Element, int Before, float X, float Y, float Width, float Height, bool Marks);

    /// <summary>A trial of balanced columns that does not hold everything.</summary>
    private sealed class Overflow : Exception;
    private bool _opening;
    private string? _runningTitle;

    public int PageNumber { get; private set; } = firstPage - 1;

    /// <summary>Pages that ended below 60% of the text height though the content went on (not a chapter's or the run's end).</summary>
    public int ShortPages { get; private set; }

    /// <summary>Pages (and columns) whose last element keeps with the next (a title or heading cut off from its text).</summary>
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
                if (_canvas is not null)
                {
                    CloseColumns(Balanced());
                    FinishPage();
                }
                _opening = true;
                if (start.RunningTitle is not null) _runningTitle = start.RunningTitle;
            }
            else
            {
                // Without onFault nothing is wrapped in an ElementFault: failures throw as they are.
                try
                {
                    if (_empty && element.LeftOutAtPageTop) { window.RemoveAt(0); continue; }
                    if (_placed is not null && element.SpansColumns) Span(element);
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
        if (_canvas is not null)
        {
            CloseColumns(Balanced());
            FinishPage();
        }
    }

    private void Place(Func<int, Element?> peek)
    {
        var element = peek(0)!;
        var width = Width(element);
        var whole = Spans(element); // what spans the columns goes to the next page, not the next column
        for (var attempts = 0; ; attempts++)
        {
            EnsurePage();
            var available = _bottom - _y;
            if (element.KeepWithNext && !_empty && !FitsWithFollowers(peek, available))
            {
                NewPage(whole);
                continue;
            }
            var plan = Guard(element, () => element.Measure(width, available));
            switch (plan.Kind)
            {
                case PlanKind.Full when element.HeightLeaving(2) is { } leaving && peek(1) is { KeepWithPrevious: true }
                                         && !FollowersFit(peek, available - plan.Height)
                                         && (!_empty || Guard(element, () => element.Measure(width, leaving)).Kind == PlanKind.Partial): // never an endless move
                    // What keeps with it (a short last line, the rule that ends the article) would
                    // start the next page alone: the last two lines of this paragraph go with it,
                    // or all of it when it is too short to split.
                    if (element.Measure(width, leaving) is { Kind: PlanKind.Partial } shorter)
                    {
                        Put(element, width, shorter.Height); // (the page's fill, for the makeup figures)
                        (_empty, _lastPlaced) = (false, element);
                    }
                    NewPage(whole);
                    continue;
                case PlanKind.Full:
                    Put(element, width, available, marks: true);
                    if (plan.Height > 0) (_empty, _lastPlaced) = (false, element);
                    return;
                case PlanKind.Partial:
                    Put(element, width, available);
                    (_empty, _lastPlaced) = (false, element);
                    NewPage(whole);
                    continue;
                default:
                    if (element.LeftOutAtPageTop && !_empty) return; // the page's end separates as well as it would
                    if ((_empty && _top <= geometry.Top + 0.01f) || attempts > 2 * geometry.Columns)
                    {
                        var error = new LayoutException($"{element.Description} does not fit on an empty page ({plan.Reason})");
                        if (onFault is null) throw error;
                        throw new ElementFault(element, error);
                    }
                    NewPage(whole);
                    continue;
            }
        }
    }

    /// <summary>Whether <paramref name="element"/> is set across the text area: always on a page of one column.</summary>
    private bool Spans(Element element) => _placed is null || element.SpansColumns;

    /// <summary>The width <paramref name="element"/> is set at: the text area's, or a column's.</summary>
    private float Width(Element element) => Spans(element) ? geometry.ContentWidth : geometry.ColumnWidth;

    /// <summary>
    /// Draws what <paramref name="element"/>'s plan for <paramref name="available"/> holds at the
    /// current place, and moves down past it: at once, or, in a column, onto nothing while the place
    /// is kept to draw it when the columns close.
    /// </summary>
    private void Put(Element element, float width, float available, bool marks = false)
    {
        if (!Spans(element))
        {
            var x = geometry.ColumnLeft(PageNumber, _column);
            var before = element.Progress;
            var used = Guard(element, () => element.Advance(width, available));
            _placed!.Add(new Placement(element, before, x, _y, width, available, marks && element.Marks is not null));
            _y += used;
            return;
        }
        if (marks && element.Marks is { } name) Destinations[name] = (PageNumber, _y);
        Starting(element);
        _y += Guard(element, () => element.Draw(_canvas!, geometry.Left(PageNumber), _y, width, available));
        if (_placed is not null) _top = _y; // the columns after it start under it
    }

    /// <summary>
    /// A title, its meta line and the first two lines of what follows must fit together; a lead
    /// figure that does not fit may float (<see cref="Element.CanFloat"/>), and then the text after it is what follows.
    /// What follows and cannot split (a paragraph of three lines) brings what keeps with it along
    /// (a one-line last paragraph): the chain moves together.
    /// </summary>
    private bool FitsWithFollowers(Func<int, Element?> peek, float available)
    {
        var needed = 0f;
        for (var i = 0; peek(i) is { StartsPage: null } element; i++)
        {
            var width = Width(element);
            if (!element.KeepWithNext)
            {
                var least = Guard(element, () => element.MinimumHeight(width));
                if (needed + least > available + 0.01f && element.CanFloat && peek(i + 1) is { } after && CanFillFor(after))
                    least = Guard(after, () => after.MinimumHeight(Width(after)));
                else if (Guard(element, () => element.Measure(width, least)).Kind == PlanKind.Full)
                {
                    var following = 0f;
                    for (var j = i + 1; peek(j) is { KeepWithPrevious: true, LeftOutAtPageTop: false } follower; j++)
                        following += Guard(follower, () => follower.MinimumHeight(Width(follower)));
                    if (following > 0) least = Guard(element, () => element.Measure(width, float.MaxValue)).Height + following;
                }
                return needed + least <= available + 0.01f;
            }
            needed += Guard(element, () => element.Measure(width, float.MaxValue)).Height;
        }
        return needed <= available + 0.01f;
    }

    /// <summary>Whether what keeps with the element just placed (each with the space left after the one before) fits under it.</summary>
    private bool FollowersFit(Func<int, Element?> peek, float left)
    {
        for (var i = 1; peek(i) is { KeepWithPrevious: true } follower; i++)
        {
            var plan = Guard(follower, () => follower.Measure(Width(follower), left));
            if (plan.Kind != PlanKind.Full) return false;
            left -= plan.Height;
        }
        return true;
    }

    /// <summary>Whether <paramref name="element"/> may fill the page in place of a figure that floats: plain flowing content, no page rule of its own.</summary>
    private static bool CanFillFor(Element element) =>
        element is { CanFloat: false, StartsPage: null, KeepWithNext: false, KeepWithPrevious: false, Marks: null, LeftOutAtPageTop: false, SpansColumns: false };

    /// <summary>
    /// A figure that does not fit the rest of a page that has something on it floats: the content
    /// after it is set there (what fits of it), and the figure opens the next page, before the
    /// rest of that content. It never moves further than the next page from where it stands, and
    /// figures keep their order (one never floats past another).
    /// </summary>
    private bool Float(Func<int, Element?> peek, List<Element> window)
    {
        var figure = peek(0)!;
        // Not from the top of a page (it would fit nowhere better); from the top of columns under what spans them, it may.
        if (!figure.CanFloat || (_empty && _top <= geometry.Top + 0.01f) || _canvas is null || peek(1) is not { } next || !CanFillFor(next) || Spans(figure) != Spans(next)) return false;
        var available = _bottom - _y;
        if (Guard(figure, () => figure.Measure(Width(figure), available)).Kind != PlanKind.Wrap) return false;
        var width = Width(next);
        var plan = Guard(next, () => next.Measure(width, available));
        if (plan.Kind == PlanKind.Wrap) return false;
        Put(next, width, available);
        if (plan.Height > 0) (_empty, _lastPlaced) = (false, next);
        if (plan.Kind == PlanKind.Full) window.Remove(next);
        else NewPage(Spans(next));
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
        _y = _top = geometry.Top;
        _bottom = geometry.Height - geometry.Bottom;
        _column = 0;
        _empty = true;
        _lastPlaced = null;
    }

    /// <summary>
    /// The column is full, or its content goes on in the next: the next column, or, after the last
    /// (or for what spans the columns, <paramref name="whole"/>), the next page: counted for the
    /// makeup figures, then finished.
    /// </summary>
    private void NewPage(bool whole = false)
    {
        if (!whole && _placed is not null && _column < geometry.Columns - 1)
        {
            if (!_trial && !_empty && _lastPlaced is { KeepWithNext: true }) StrandedHeadings++;
            _ends[_column++] = _y;
            (_y, _empty, _lastPlaced) = (_top, true, null);
            return;
        }
        if (_trial) throw new Overflow();
        // The last column is empty (what comes next fits in none under what spans them): the page
        // ends as a chapter's does, its columns balanced.
        if (_placed is { Count: > 0 } && _empty) CloseColumns(Balanced());
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
        CloseColumns(null); // as they stand: the page is full
        sink.EndPage(new PageInfo(PageNumber, _runningTitle, _opening), _canvas!);
        _canvas = null;
        _opening = false;
    }

    /// <summary>
    /// Before what spans the columns: the columns close, balanced, and it is set under them; but a
    /// figure that would not fit across the rest of the page is set in a column instead (the text
    /// after it fills the column when it floats, as in one column), and the columns stay open.
    /// </summary>
    private void Span(Element element)
    {
        var balanced = Balanced();
        if (element.CanFloat && _canvas is not null)
        {
            var under = balanced is { } b ? _top + b.Height : _ends.Take(_column).Append(_y).Max();
            if (Guard(element, () => element.Measure(geometry.ContentWidth, _bottom - under)).Kind == PlanKind.Wrap)
            {
                element.SpansColumns = false;
                return;
            }
        }
        CloseColumns(balanced);
    }

    /// <summary>
    /// Draws what the columns hold: as <paramref name="balanced"/> lays it out, or as it was placed;
    /// what follows starts under the longest column.
    /// </summary>
    private void CloseColumns((List<Placement> Placed, float Height)? balanced)
    {
        if (_placed is not { Count: > 0 } placed) return;
        _ends[_column] = _y;
        var bottom = balanced is { } b ? _top + b.Height : _ends.Take(_column + 1).Max();
        foreach (var p in balanced?.Placed ?? placed)
        {
            p.Element.Progress = p.Before;
            if (p.Marks) Destinations[p.Element.Marks!] = (PageNumber, p.Y);
            Starting(p.Element);
            try
            {
                p.Element.Draw(_canvas!, p.X, p.Y, p.Width, p.Height);
            }
            catch (Exception e) when (onFault is not null && e is not OperationCanceledException)
            {
                // Placed already (its place was measured and kept): nothing is set instead; it is told, and the page goes on.
                p.Element.Fallback = null;
                onFault(p.Element, e);
            }
        }
        placed.Clear();
        Array.Clear(_ends);
        (_column, _y, _top, _empty) = (0, bottom, bottom, false);
    }

    /// <summary>
    /// What the open columns hold, laid out again into columns of the least height that holds it
    /// all (found by halving, each trial a layout by the same rules onto nothing), and that height;
    /// null when there is nothing to balance or no trial holds it.
    /// </summary>
    private (List<Placement> Placed, float Height)? Balanced()
    {
        if (_placed is not { Count: > 0 } placed || _trial) return null;
        // The elements in the order they were placed, each as drawn as it was when the columns opened.
        var elements = new List<(Element Element, int Before)>();
        var seen = new HashSet<Element>(ReferenceEqualityComparer.Instance);
        foreach (var p in placed)
            if (seen.Add(p.Element)) elements.Add((p.Element, p.Before));
        var after = elements.Select(e => e.Element.Progress).ToArray();
        _ends[_column] = _y;
        var heights = _ends.Take(_column + 1).Select(end => end - _top).ToArray();
        var (low, high) = (heights.Sum() / geometry.Columns, heights.Max());
        (List<Placement> Placed, float Height)? best = null;
        for (var i = 0; i < 16 && high - low > 0.5f; i++)
        {
            var height = (low + high) / 2;
            if (Trial(elements, height) is { } fits)
            {
                best = fits;
                high = fits.Height;
            }
            else low = height;
        }
        for (var i = 0; i < elements.Count; i++) elements[i].Element.Progress = after[i];
        return best;
    }

    /// <summary>The elements laid out from the columns' top into columns <paramref name="height"/> high, or null when they do not all fit.</summary>
    private (List<Placement> Placed, float Height)? Trial(List<(Element Element, int Before)> elements, float height)
    {
        var saved = (_y, _column, _empty, _lastPlaced, _bottom, _placed, Ends: (float[])_ends.Clone());
        (_trial, _placed, _bottom, _y, _column, _empty) = (true, [], _top + height, _top, 0, true);
        Array.Clear(_ends);
        try
        {
            foreach (var (element, before) in elements) element.Progress = before;
            for (var i = 0; i < elements.Count; i++)
            {
                var at = i;
                if (_empty && elements[at].Element.LeftOutAtPageTop) continue;
                Place(ahead => at + ahead < elements.Count ? elements[at + ahead].Element : null);
            }
            _ends[_column] = _y;
            return (_placed, _ends.Take(_column + 1).Max() - _top);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null; // overflowed, or a rule could not be kept at this height
        }
        finally
        {
            (_y, _column, _empty, _lastPlaced, _bottom, _placed) = (saved._y, saved._column, saved._empty, saved._lastPlaced, saved._bottom, saved._placed);
            saved.Ends.CopyTo(_ends, 0);
            _trial = false;
        }
    }
}
