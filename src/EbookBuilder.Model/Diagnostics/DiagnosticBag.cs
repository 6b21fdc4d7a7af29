using System.Collections.Concurrent;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Model.Diagnostics;

/// <summary>Collects diagnostics from every stage; safe to add to from several threads.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    /// <summary>Everything reported so far, in the order it arrived.</summary>
    public IReadOnlyList<Diagnostic> Items => _items.ToArray();

    /// <summary>Whether any error was reported.</summary>
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>Adds a diagnostic.</summary>
    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    /// <summary>Adds a warning.</summary>
    public void Warn(string code, string message, SourceSpan? where = null) =>
        Add(new Diagnostic(Severity.Warning, code, message, where));

    /// <summary>Adds an informational note.</summary>
    public void Info(string code, string message, SourceSpan? where = null) =>
        Add(new Diagnostic(Severity.Info, code, message, where));

    /// <summary>Adds an error.</summary>
    public void Error(string code, string message, SourceSpan? where = null) =>
        Add(new Diagnostic(Severity.Error, code, message, where));
}
