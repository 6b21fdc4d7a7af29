namespace EbookBuilder.Fonts;

/// <summary>The font asked for does not exist; the message says what to do.</summary>
public sealed class FontNotFoundException(string message) : Exception(message);
