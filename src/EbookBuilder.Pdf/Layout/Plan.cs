namespace EbookBuilder.Pdf.Layout;

/// <summary>A measurement: the kind, the height it would take, and for Wrap, the reason.</summary>
internal sealed record Plan(PlanKind Kind, float Height, string? Reason = null)
{
    public static Plan Wrap(string reason) => new(PlanKind.Wrap, 0, reason);
}
