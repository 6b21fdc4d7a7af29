using static EbookBuilder.Kindle.MobiEncoding;

namespace EbookBuilder.Kindle;

/// <summary>
/// The trailing byte sequences (TBS) of the text records: at the end of each record, which entries
/// of the NCX index touch it, so that a Kindle steps to the next or previous section without
/// searching the index. For every record the entries that start, end, span or lie within it are
/// grouped into strands (an entry, then its first child touching the record and that child's, down
/// to a leaf, then the leaf's following siblings); each depth of a strand is one sequence: the
/// entry's index relative to its parent (the first sequence of a later strand: relative to the
/// previous strand's last entry, with the continuation flag), with flags for the book's TBS type,
/// a count of siblings, and "spans the whole record". After KindleGen's output as the MobileRead
/// wiki and calibre's notes describe it; <c>calibre-debug --inspect-mobi</c> recomputes each
/// record's sequences and reports any mismatch.
/// </summary>
internal static class TrailingIndex
{
    /// <summary>An NCX entry: its index number, where it starts and how long it runs in the text, its depth and its parent's index (−1 at the top).</summary>
    public readonly record struct Entry(int Index, long Start, long Length, int Depth, int Parent);

    private const int TypeFlag = 0b0010, CountFlag = 0b0100, SpansFlag = 0b0001, ContinuationFlag = 0b1000;

    /// <summary>The TBS bytes of each text record, in record order (empty where no entry touches the record).</summary>
    public static List<byte[]> Build(IReadOnlyList<Entry> entries, IReadOnlyList<int> recordLengths)
    {
        var sorted = entries.OrderBy(e => e.Start).ThenBy(e => e.Index).ToList();
        var perRecord = new List<List<List<List<Placed>>>>(recordLengths.Count);
        var open = new List<Entry>(); // begun before the record's end, in start order
        var next = 0;
        long recordStart = 0;
        foreach (var length in recordLengths)
        {
            for (; next < sorted.Count && sorted[next].Start < recordStart + length; next++) open.Add(sorted[next]);
            open.RemoveAll(e => e.Start + e.Length <= recordStart);
            var touching = open.Select(e => new Placed(e, e.Start < recordStart && e.Start + e.Length > recordStart + length)).ToList();
            perRecord.Add(Strands(touching));
            recordStart += length;
        }

        // Type 8 unless a later strand would step forward from the previous one; then type 5, whose steps are unsigned.
        var type = perRecord.Any(s => Sequences(s, 8) is null) ? 5 : 8;
        return [.. perRecord.Select(s => Bytes(Sequences(s, type)!))];
    }

    /// <summary>An entry as one record sees it: whether it began before the record and goes on after it.</summary>
    private sealed record Placed(Entry Entry, bool Spans)
    {
        public int Index => Entry.Index;
    }

    /// <summary>The record's entries as strands; a strand is a list of depths in the order they appear, each depth a run of entries.</summary>
    private static List<List<List<Placed>>> Strands(List<Placed> touching)
    {
        var rest = new List<Placed>(touching);
        var strands = new List<List<List<Placed>>>();
        while (rest.Count > 0)
        {
            var top = rest[0];
            rest.RemoveAt(0);
            var strand = new List<Placed>();
            Chain(top, rest, strand);
            strands.Add([.. strand.Select(p => p.Entry.Depth).Distinct().Select(depth => strand.Where(p => p.Entry.Depth == depth).ToList())]);
        }
        return strands;
    }

    /// <summary>The strand under <paramref name="node"/>: its first child touching the record and on down; at a leaf, its next siblings.</summary>
    private static void Chain(Placed node, List<Placed> rest, List<Placed> strand)
    {
        strand.Add(node);
        var child = rest.FirstOrDefault(c => c.Entry.Parent == node.Index);
        if (child is not null)
        {
            rest.Remove(child);
            Chain(child, rest, strand);
            return;
        }
        var current = node.Index;
        foreach (var sibling in rest.ToList())
        {
            if (sibling.Entry.Depth != node.Entry.Depth || sibling.Entry.Parent != node.Entry.Parent || sibling.Index != current + 1) continue;
            current++;
            rest.Remove(sibling);
            if (rest.Any(c => c.Entry.Parent == sibling.Index))
            {
                Chain(sibling, rest, strand); // its children end the strand
                return;
            }
            strand.Add(sibling);
        }
    }

    private sealed record Sequence(long Value, int Flags, int Type, int Count);

    /// <summary>The record's sequences for a TBS type, or null when type 8 cannot write a step.</summary>
    private static List<Sequence>? Sequences(List<List<List<Placed>>> strands, int type)
    {
        var sequences = new List<Sequence>();
        var first = strands.Count > 0 ? strands[0][0][0] : null;
        var lastIndex = 0;
        foreach (var strand in strands)
        {
            var strandFirst = sequences.Count;
            foreach (var group in strand)
            {
                var head = group[0];
                var flags = 0;
                if (group[^1].Spans) flags |= SpansFlag;
                if (head == first) flags |= TypeFlag;
                if (group.Count > 1) flags |= CountFlag;
                long value = head.Index - Math.Max(head.Entry.Parent, 0);
                if (strandFirst > 0 && sequences.Count == strandFirst)
                {
                    // A later strand steps back from the previous strand's last entry.
                    value = lastIndex - head.Index;
                    if (value >= 0) flags |= ContinuationFlag;
                    else if (type == 5) value = -value;
                    else return null;
                }
                lastIndex = group[^1].Index;
                sequences.Add(new Sequence(value, flags, type, group.Count));
            }
            // Of consecutive spanning depths in a strand, only the last keeps the flag.
            for (var i = strandFirst; i + 1 < sequences.Count; i++)
                if ((sequences[i].Flags & SpansFlag) != 0 && (sequences[i + 1].Flags & SpansFlag) != 0)
                    sequences[i] = sequences[i] with { Flags = sequences[i].Flags & ~SpansFlag };
        }
        return sequences;
    }

    private static byte[] Bytes(List<Sequence> sequences)
    {
        var output = new List<byte>();
        for (var i = 0; i < sequences.Count; i++)
        {
            var s = sequences[i];
            var flagBits = i == 0 ? 3 : 4; // the first sequence has no continuation flag
            output.AddRange(VarInt((s.Value << flagBits) | (long)(s.Flags & ((1 << flagBits) - 1))));
            if ((s.Flags & TypeFlag) != 0) output.AddRange(VarInt(s.Type));
            if ((s.Flags & CountFlag) != 0) output.Add((byte)Math.Min(255, s.Count));
            if ((s.Flags & SpansFlag) != 0) output.AddRange(VarInt(0));
        }
        return [.. output];
    }
}
