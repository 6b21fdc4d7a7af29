using System.Text;
using EbookBuilder.Ingest.Chars;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest.Html;

/// <summary>
/// Builds the inline content of one block while normalising whitespace as CSS Text does: runs
/// collapse to one space, leading and trailing space is dropped, and a run holding a segment break
/// between two East Asian wide characters disappears ("时尚\n是" becomes "时尚是"), as CSS Text's
/// segment-break rule says. Between Chinese and Latin, CSS makes it a space; we drop it only where
/// it is indentation around an inline tag (the run reaches the edge of a text node: "借了\n &lt;b&gt;52"
/// becomes "借了52"), because the archives we read are pretty-printed (a newline around every tag)
/// and Chinese-Latin spacing is typography's job (text-autospace, the PDF's quarter-em). A newline
/// inside one text (a writer's wrapping: "Posted by\n名字\non") is a space, as the page showed it.
/// Typed spaces (no newline) always stay.
/// </summary>
internal sealed class InlineBuilder
{
    private enum FrameKind { Root, Strong, Emphasis, Link }

    private sealed record Frame(FrameKind Kind, string? Url, SourceSpan Source, List<Inline> Children);

    private readonly Stack<Frame> _frames = new();
    private readonly StringBuilder _text = new();
    private SourceSpan _textSource;
    private char _last;            // last emitted non-space character; '\0' at block start or after a break
    private bool _pendingSpace;
    private bool _pendingBreak;    // the pending whitespace held a segment break
    private bool _pendingAtTag;    // the pending whitespace reaches the edge of a text node (indentation around a tag)

    public InlineBuilder(SourceSpan source) => _frames.Push(new Frame(FrameKind.Root, null, source, []));

    /// <summary>Counts the visible characters emitted so far; captions use it to tell whether text came between.</summary>
    public int VisibleCount { get; private set; }

    public bool HasContent => VisibleCount > 0;

    public void AppendText(string value, SourceSpan source)
    {
        // Whitespace carried over from the text before a tag is at that tag.
        if (_pendingSpace) _pendingAtTag = true;
        var first = true;
        foreach (var c in value)
        {
            if (c == '\0' || (char.IsControl(c) && !CjkText.IsCollapsible(c))) continue; // never valid in XHTML
            if (CjkText.IsCollapsible(c))
            {
                if (!_pendingSpace) _pendingAtTag = first;
                _pendingSpace = true;
                _pendingBreak |= CjkText.IsSegmentBreak(c);
                first = false;
                continue;
            }
            first = false;
            if (_pendingSpace && _last != '\0' && !IsFormatting(_last, c)
                && !CjkText.IsFullWidthPunctuation(_last) && !CjkText.IsFullWidthPunctuation(c))
            {
                Emit(' ', source);
            }
            _pendingSpace = false;
            _pendingBreak = false;
            _pendingAtTag = false;
            if (_last == '\0' && c == '\u3000') continue; // ideographic indent: the stylesheet indents
            Emit(c, source);
            _last = c;
            VisibleCount++;
        }
    }

    /// <summary>Whether the pending whitespace between <paramref name="before"/> and <paramref name="after"/> is formatting, not a space.</summary>
    private bool IsFormatting(char before, char after)
    {
        if (!_pendingBreak) return false;
        bool wideBefore = CjkText.IsWide(before), wideAfter = CjkText.IsWide(after);
        return wideBefore && wideAfter || (wideBefore || wideAfter) && _pendingAtTag;
    }

    public void OpenStrong(SourceSpan source) => Open(FrameKind.Strong, null, source);

    public void OpenEmphasis(SourceSpan source) => Open(FrameKind.Emphasis, null, source);

    public void OpenLink(string url, SourceSpan source) => Open(FrameKind.Link, url, source);

    /// <summary>Closes the innermost open frame; does nothing when none is open (the block was flushed inside it).</summary>
    public void Close()
    {
        if (_frames.Count == 1) return;
        FlushText();
        var frame = _frames.Pop();
        if (frame.Children.Count == 0) return;
        var parent = _frames.Peek().Children;
        Inline node = frame.Kind switch
        {
            FrameKind.Strong => new Strong(frame.Children, frame.Source),
            FrameKind.Emphasis => new Emphasis(frame.Children, frame.Source),
            FrameKind.Link => new Link(frame.Url!, frame.Children, frame.Source),
            _ => throw new InvalidOperationException("the root frame cannot be closed"),
        };
        parent.Add(node);
    }

    /// <summary>Adds a line break; returns false when the block ends in a break already or has no text yet.</summary>
    public bool Break(SourceSpan source)
    {
        _pendingSpace = false;
        _pendingBreak = false;
        _pendingAtTag = false;
        if (_last == '\0') return false;
        FlushText();
        _frames.Peek().Children.Add(new LineBreak(source));
        _last = '\0';
        return true;
    }

    /// <summary>Whether the last thing emitted was a line break.</summary>
    public bool EndsWithBreak => _last == '\0' && HasContent;

    /// <summary>Closes open frames and returns the content, without trailing breaks.</summary>
    public IReadOnlyList<Inline> Finish()
    {
        while (_frames.Count > 1) Close();
        FlushText();
        var children = _frames.Peek().Children;
        Trim(children);
        return children.ToArray();
    }

    private static void Trim(List<Inline> children)
    {
        while (children.Count > 0)
        {
            switch (children[^1])
            {
                case LineBreak:
                    children.RemoveAt(children.Count - 1);
                    continue;
                case Text { Value: var v } t when v.EndsWith(' '):
                    var trimmed = v.TrimEnd(' ');
                    if (trimmed.Length == 0) { children.RemoveAt(children.Count - 1); continue; }
                    children[^1] = t with { Value = trimmed };
                    break;
            }
            break;
        }
    }

    private void Open(FrameKind kind, string? url, SourceSpan source)
    {
        // A typed space before a link or emphasis belongs outside it ("via @nypost", not "via[ @nypost]").
        if (_pendingSpace && !_pendingBreak && _last != '\0')
        {
            Emit(' ', source);
            _pendingSpace = false;
        }
        FlushText();
        _frames.Push(new Frame(kind, url, source, []));
    }

    private void Emit(char c, SourceSpan source)
    {
        if (_text.Length == 0) _textSource = source;
        _text.Append(c);
    }

    private void FlushText()
    {
        if (_text.Length == 0) return;
        _frames.Peek().Children.Add(new Text(_text.ToString(), _textSource));
        _text.Clear();
    }
}
