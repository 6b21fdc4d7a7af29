namespace EbookBuilder.Model.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum Severity
{
    /// <summary>Worth knowing; nothing is wrong with the book.</summary>
    Info,
    /// <summary>Something in the input was skipped or repaired; the book is still built.</summary>
    Warning,
    /// <summary>The build cannot go on.</summary>
    Error,
}
