namespace EbookBuilder.Pdf.Layout;

/// <summary>A new page an element starts: an opening page (no running header or number), with the running title from then on (null: unchanged).</summary>
internal sealed record PageStart(string? RunningTitle);
