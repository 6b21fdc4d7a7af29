namespace EbookBuilder.Model.Diagnostics;

/// <summary>An exception as a diagnostic states it: its type and message on one line, cut to a readable length (the failing content may be anything).</summary>
public static class FailureText
{
    /// <summary>"Type: message", one line, at most 160 characters of message.</summary>
    public static string Of(Exception exception)
    {
        var why = exception.Message.ReplaceLineEndings(" ");
        if (why.Length > 160) why = why[..160] + "…";
        return $"{exception.GetType().Name}: {why}";
    }
}
