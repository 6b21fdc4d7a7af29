namespace EbookBuilder.Model.Document;

/// <summary>Finds and rewrites figures wherever they sit (also inside quotes and lists).</summary>
public static class Figures
{
    /// <summary>Every figure of the blocks, in reading order.</summary>
    public static IEnumerable<Figure> In(IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Figure f:
                    yield return f;
                    break;
                case Quote q:
                    foreach (var f in In(q.Blocks)) yield return f;
                    break;
                case ListBlock l:
                    foreach (var f in l.Items.SelectMany(In)) yield return f;
                    break;
            }
        }
    }

    /// <summary>The blocks with every figure replaced by <paramref name="map"/>'s result.</summary>
    public static IReadOnlyList<Block> Map(IReadOnlyList<Block> blocks, Func<Figure, Figure> map) =>
        blocks.Select(block => block switch
        {
            Figure f => map(f),
            Quote q => q with { Blocks = Map(q.Blocks, map) },
            ListBlock l => l with { Items = l.Items.Select(i => Map(i, map)).ToArray() },
            _ => block,
        }).ToArray();
}
