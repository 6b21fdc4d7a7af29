namespace EbookBuilder.Model.Document;

/// <summary>One cell of a <see cref="TableRow"/>.</summary>
public sealed record TableCell(IReadOnlyList<Inline> Content, bool IsHeader)
{
    /// <summary>How many columns the cell covers (colspan), 1 or more.</summary>
    public int ColSpan { get; init; } = 1;

    /// <summary>How many rows the cell covers (rowspan), 1 or more.</summary>
    public int RowSpan { get; init; } = 1;
}
