namespace EbookBuilder.Pdf.Layout;

/// <summary>Content that cannot fit even on an empty page; the message names it.</summary>
public sealed class LayoutException(string message) : Exception(message);
