using EbookBuilder.Model.Document;

namespace EbookBuilder.Model.Diagnostics;

/// <summary>A content problem with a stable code and the place it was found.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceSpan? Where = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Where is { } w ? $"{w}: " : "";
        return $"{where}{Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
    }
}
