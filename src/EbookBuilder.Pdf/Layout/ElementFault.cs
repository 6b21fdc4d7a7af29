namespace EbookBuilder.Pdf.Layout;

/// <summary>An element failed to measure or draw, or fits no page: <see cref="Element"/> is the one, <see cref="Exception.InnerException"/> why.</summary>
internal sealed class ElementFault(Element element, Exception cause) : Exception($"{element.Description}: {cause.Message}", cause)
{
    public Element Element => element;
}
