namespace EbookBuilder.Pdf.Drawing;

/// <summary>A width and a height (points, or an image's pixels).</summary>
internal readonly record struct Size(float Width, float Height);
