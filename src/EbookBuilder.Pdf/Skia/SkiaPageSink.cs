using EbookBuilder.Pdf.Drawing;
using EbookBuilder.Pdf.Layout;
using SkiaSharp;

namespace EbookBuilder.Pdf.Skia;

/// <summary>
/// Each page is recorded (an <see cref="SKPicture"/>) as soon as it is finished and written to
/// the PDF on a second thread: Skia's PDF work (glyph subsets, content streams, compression) is
/// half the PDF's time, and it overlaps the layout of the pages after it. At most 64 pages wait
/// (about a megabyte: enough to even out pages slow to lay out or to write), so memory
/// does not grow with the book. A failure on either side stops both.
/// </summary>
internal sealed class SkiaPageSink : IPageSink, IDisposable
{
    private const int Waiting = 64;
    private readonly PageHandoff<SKPicture> _pages;
    private readonly PageDecoration _decoration;
    private readonly SKRect _bounds;
    private readonly Task _writer;
    private readonly CancellationToken _cancellation;
    private SKPictureRecorder? _recorder;
    private SkiaPageCanvas? _canvas;
    private readonly SkiaTypefaces _typefaces;

    private readonly FailSafeStream _stream;

    /// <summary>For a vertical book: the matrix that turns a page of the layout onto the page; null for a horizontal book.</summary>
    private readonly Func<int, SKMatrix>? _turn;
    private SKCanvas? _recording;

    /// <summary>Where the pages are kept after they are written, for imposition; null: each is disposed once written.</summary>
    private readonly RecordedPages? _keep;

    /// <summary>The sheet's margin around the page for a print shop (<c>--bleed</c>): crop marks in it; null for none.</summary>
    private readonly CropMarks? _marks;

    /// <summary>
    /// A sink for pages of <paramref name="geometry"/>'s size. With <paramref name="turn"/> (a vertical
    /// book) each page's layout is drawn through its matrix, the decoration (running head, folio) after, unturned.
    /// </summary>
    public SkiaPageSink(SKDocument document, SkiaTypefaces typefaces, FailSafeStream stream, PageDecoration decoration, PageGeometry geometry, CancellationToken cancellationToken,
        Func<int, SKMatrix>? turn = null, RecordedPages? keep = null, CropMarks? marks = null)
    {
        _turn = turn;
        _keep = keep;
        _marks = marks;
        _stream = stream;
        _typefaces = typefaces;
        _pages = new PageHandoff<SKPicture>(Waiting, cancellationToken);
        _cancellation = cancellationToken;
        _decoration = decoration;
        var slug = marks?.Slug ?? 0;
        _bounds = SKRect.Create(geometry.Width + 2 * slug, geometry.Height + 2 * slug);
        _writer = Task.Factory.StartNew(() => WritePages(document), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public IPageCanvas BeginPage(int number)
    {
        _recorder = new SKPictureRecorder();
        _recording = _recorder.BeginRecording(_bounds);
        _canvas = new SkiaPageCanvas(_recording, _typefaces);
        // Everything is drawn on the page as if it were the sheet; the sheet's margin is around it.
        if (_marks is not null) _recording.Translate(_marks.Slug, _marks.Slug);
        if (_turn is not null)
        {
            _recording.Save();
            var matrix = _turn(number);
            _recording.Concat(in matrix);
            _canvas.Vertical = true;
        }
        return _canvas;
    }

    public void EndPage(PageInfo page, IPageCanvas canvas)
    {
        if (_turn is not null && _canvas is not null)
        {
            _recording!.Restore();
            _canvas.Vertical = false;
        }
        _decoration.Draw(canvas, page);
        _marks?.Draw(canvas);
        _canvas?.Dispose();
        _canvas = null;
        var picture = _recorder!.EndRecording();
        _recorder.Dispose();
        _recorder = null;
        _keep?.Add(page.Number, picture);
        try
        {
            _pages.Add(picture);
        }
        catch (OperationCanceledException)
        {
            if (_keep is null) picture.Dispose();
            if (!_cancellation.IsCancellationRequested) Finish(); // the writer stopped first: throws its own failure
            throw;
        }
    }

    /// <summary>Waits for the last page to be written; throws what stopped the writer.</summary>
    public void Finish()
    {
        _pages.Complete();
        _writer.GetAwaiter().GetResult();
    }

    private void WritePages(SKDocument document)
    {
        try
        {
            while (_pages.TryTake(out var picture))
            {
                try
                {
                    picture.Playback(document.BeginPage(_bounds.Width, _bounds.Height));
                    document.EndPage();
                    _stream.ThrowIfFailed(); // a full disk stops the book at once, not after the last page
                }
                finally
                {
                    if (_keep is null) picture.Dispose();
                }
            }
        }
        catch
        {
            _pages.Stop();
            throw;
        }
    }

    public void Dispose()
    {
        // After a failure in layout: stop the writer before the document goes.
        _pages.Stop();
        ((Task)_writer).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
        if (_keep is null) foreach (var left in _pages.Remaining()) left.Dispose();
        _canvas?.Dispose();
        _recorder?.Dispose();
        _pages.Dispose();
    }
}
