namespace EbookBuilder.Pdf.Layout;

/// <summary>What an element would do with the space offered: fit whole, fit in part (the rest goes on), or not fit (and why).</summary>
internal enum PlanKind { Full, Partial, Wrap }

/// <summary>A measurement: the kind, the height it would take, and for Wrap, the reason.</summary>
internal sealed record Plan(PlanKind Kind, float Height, string? Reason = null)
{
    public static Plan Wrap(string reason) => new(PlanKind.Wrap, 0, reason);
}
