namespace EbookBuilder.Model.Document;

/// <summary>One cell of a <see cref="TableRow"/>.</summary>
public sealed record TableCell(IReadOnlyList<Inline> Content, bool IsHeader);
