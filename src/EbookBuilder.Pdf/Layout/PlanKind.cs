namespace EbookBuilder.Pdf.Layout;

/// <summary>What an element would do with the space offered: fit whole, fit in part (the rest goes on), or not fit (and why).</summary>
internal enum PlanKind { Full, Partial, Wrap }
