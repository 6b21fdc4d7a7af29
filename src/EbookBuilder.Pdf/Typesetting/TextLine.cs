namespace EbookBuilder.Pdf.Typesetting;

/// <summary>A line: units [Start, End), its natural width, whether it is justified, its indent.</summary>
internal sealed record TextLine(int Start, int End, float Natural, bool Justify, float Indent);
