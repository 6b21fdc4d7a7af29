namespace EbookBuilder.Pipeline;

/// <summary>A resolved value and the layer it came from.</summary>
public sealed record Setting(object Value, string From);
