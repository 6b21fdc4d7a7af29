namespace EbookBuilder.Pdf.Typesetting;

/// <summary>A piece of inline text with its weight and link; a null text is a forced line break.</summary>
internal sealed record TextSpan(string? Text, bool Bold = false, string? Link = null);
