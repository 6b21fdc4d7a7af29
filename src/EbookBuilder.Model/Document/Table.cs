namespace EbookBuilder.Model.Document;

/// <summary>A simple table: rows of cells holding inline content.</summary>
public sealed record Table(IReadOnlyList<TableRow> Rows, SourceSpan Source) : Block(Source);
