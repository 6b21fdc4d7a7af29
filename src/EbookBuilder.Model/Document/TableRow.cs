namespace EbookBuilder.Model.Document;

/// <summary>One row of a <see cref="Table"/>.</summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells);
