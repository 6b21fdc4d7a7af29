using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace EbookBuilder.Ingest;

/// <summary>
/// Extra cleaning for sites the built-in rules do not know (a book file's [clean] section): CSS
/// selectors of elements to remove, selectors of the only elements to keep (when any matches),
/// and regular expressions for boilerplate lines (a paragraph whose whole text matches is dropped).
/// </summary>
public sealed class CleanRules
{
    internal static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    private CleanRules(IReadOnlyList<string> remove, IReadOnlyList<string> keep, IReadOnlyList<Regex> dropLines)
    {
        Remove = remove;
        Keep = keep;
        DropLines = dropLines;
    }

    /// <summary>No extra rules.</summary>
    public static CleanRules None { get; } = new([], [], []);

    /// <summary>Selectors of elements removed before the article is converted.</summary>
    public IReadOnlyList<string> Remove { get; }

    /// <summary>Selectors of the only elements kept, when any of them matches.</summary>
    public IReadOnlyList<string> Keep { get; }

    /// <summary>Patterns of boilerplate paragraphs.</summary>
    public IReadOnlyList<Regex> DropLines { get; }

    /// <summary>Whether there is any rule.</summary>
    public bool IsEmpty => Remove.Count == 0 && Keep.Count == 0 && DropLines.Count == 0 && KeepLines.Count == 0;

    /// <summary>Patterns of paragraphs the cleaner's rules of form must keep (a false promotion brought back).</summary>
    public IReadOnlyList<Regex> KeepLines { get; private init; } = [];

    /// <summary>Whether a paragraph with this text is one the book file says to keep.</summary>
    internal bool KeepsLine(string text)
    {
        var trimmed = text.Trim();
        foreach (var pattern in KeepLines)
        {
            try
            {
                if (pattern.IsMatch(trimmed)) return true;
            }
            catch (RegexMatchTimeoutException)
            {
                return true; // too slow to tell: keep the text
            }
        }
        return false;
    }

    /// <summary>The rules, or the reasons a selector or pattern is not valid.</summary>
    public static (CleanRules? Rules, IReadOnlyList<string> Errors) Create(IReadOnlyList<string> remove, IReadOnlyList<string> keep, IReadOnlyList<string> dropLines,
        IReadOnlyList<string>? keepLines = null)
    {
        var errors = new List<string>();
        var probe = new HtmlParser().ParseDocument("<p></p>");
        foreach (var selector in remove.Concat(keep))
        {
            try { probe.QuerySelectorAll(selector); }
            catch (DomException) { errors.Add($"'{selector}' is not a CSS selector"); }
        }
        var patterns = new List<Regex>();
        foreach (var pattern in dropLines)
        {
            try { patterns.Add(new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout)); }
            catch (ArgumentException e) { errors.Add($"'{pattern}' is not a regular expression ({e.Message})"); }
        }
        var keepPatterns = new List<Regex>();
        foreach (var pattern in keepLines ?? [])
        {
            try { keepPatterns.Add(new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout)); }
            catch (ArgumentException e) { errors.Add($"'{pattern}' is not a regular expression ({e.Message})"); }
        }
        return errors.Count > 0 ? (null, errors) : (new CleanRules(remove, keep, patterns) { KeepLines = keepPatterns }, errors);
    }

    /// <summary>Removes what the rules remove, then keeps only what they keep (when it is there).</summary>
    internal void ApplyTo(IDocument document)
    {
        if (document.Body is not { } body) return;
        foreach (var selector in Remove)
            foreach (var element in body.QuerySelectorAll(selector).ToList()) element.Remove();
        if (Keep.Count == 0) return;
        var kept = body.QuerySelectorAll(string.Join(", ", Keep)).ToList();
        kept = kept.Where(e => !kept.Any(other => other != e && other.Contains(e))).ToList(); // outermost only
        if (kept.Count == 0) return;
        foreach (var element in kept) element.Remove();
        while (body.FirstChild is { } child) child.RemoveFromParent();
        foreach (var element in kept) body.AppendChild(element);
    }

    /// <summary>
    /// Whether a paragraph with this text is boilerplate. A pattern that takes longer than its
    /// timeout on the text keeps it (losing a sentence is worse than keeping a line) and is
    /// passed to <paramref name="timedOut"/>, so that the user learns the pattern is too slow.
    /// </summary>
    internal bool IsBoilerplate(string text, Action<Regex>? timedOut = null)
    {
        var trimmed = text.Trim();
        foreach (var pattern in DropLines)
        {
            try
            {
                var match = pattern.Match(trimmed);
                if (match.Success && match.Length == trimmed.Length) return true;
            }
            catch (RegexMatchTimeoutException)
            {
                timedOut?.Invoke(pattern);
            }
        }
        return false;
    }
}
