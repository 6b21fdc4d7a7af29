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

    public SkiaPageSink(SKDocument document, SkiaTypefaces typefaces, FailSafeStream stream, PageDecoration decoration, PageGeometry geometry, CancellationToken cancellationToken)
    {
        _stream = stream;
        _typefaces = typefaces;
        _pages = new PageHandoff<SKPicture>(Waiting, cancellationToken);
        _cancellation = cancellationToken;
        _decoration = decoration;
        _bounds = SKRect.Create(geometry.Width, geometry.Height);
        _writer = Task.Factory.StartNew(() => WritePages(document), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public IPageCanvas BeginPage(int number)
    {
        _recorder = new SKPictureRecorder();
        _canvas = new SkiaPageCanvas(_recorder.BeginRecording(_bounds), _typefaces);
        return _canvas;
    }

    public void EndPage(PageInfo page, IPageCanvas canvas)
    {
        _decoration.Draw(canvas, page);
        _canvas?.Dispose();
        _canvas = null;
        var picture = _recorder!.EndRecording();
        _recorder.Dispose();
        _recorder = null;
        try
        {
            _pages.Add(picture);
        }
        catch (OperationCanceledException)
        {
            picture.Dispose();
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
                using (picture)
                {
                    picture.Playback(document.BeginPage(_bounds.Width, _bounds.Height));
                    document.EndPage();
                    _stream.ThrowIfFailed(); // a full disk stops the book at once, not after the last page
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
        foreach (var left in _pages.Remaining()) left.Dispose();
        _canvas?.Dispose();
        _recorder?.Dispose();
        _pages.Dispose();
    }
}
