namespace EbookBuilder.Pdf.Layout;

/// <summary>What the page decoration needs to know of a finished page.</summary>
internal sealed record PageInfo(int Number, string? RunningTitle, bool IsOpening);
