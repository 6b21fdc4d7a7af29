using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace EbookBuilder.Pdf.Update;

/// <summary>
/// Reads single objects of a PDF as Skia writes it: one classic cross-reference table and its
/// trailer, no updates yet. Objects are read by number with PdfPig's tokenizer, only those asked
/// for (a few dozen for our update). Opening the document with PdfPig reads its whole page tree
/// and every named destination first: 0.1 s and 23 MB for a 2,000-page book.
/// </summary>
internal sealed class PdfObjectReader
{
    private const int TailBytes = 1024;
    private readonly CoreTokenScanner _scanner;
    private readonly Dictionary<long, long> _offsets;

    private PdfObjectReader(CoreTokenScanner scanner, Dictionary<long, long> offsets, DictionaryToken trailer, long xrefOffset)
    {
        _scanner = scanner;
        _offsets = offsets;
        Trailer = trailer;
        XrefOffset = xrefOffset;
    }

    /// <summary>The trailer dictionary (/Size, /Root, /Info, /ID).</summary>
    public DictionaryToken Trailer { get; }

    /// <summary>Where the cross-reference table starts: an update names it as /Prev.</summary>
    public long XrefOffset { get; }

    /// <summary>The first object number free for new objects (the trailer's /Size).</summary>
    public int Size => Trailer.Data.GetValueOrDefault(NameToken.Size.Data) is NumericToken size ? size.Int
        : throw new InvalidDataException("the PDF's trailer has no /Size");

    /// <summary>Reads the trailer and the cross-reference table of <paramref name="pdf"/>, which stays open and must not be written to while this is used.</summary>
    public static PdfObjectReader Open(Stream pdf)
    {
        var scanner = new CoreTokenScanner(new StreamInputBytes(pdf, shouldDispose: false), usePdfDocEncoding: true, new StackDepthGuard(256));
        scanner.Seek(StartXref(pdf));
        if (!Next(scanner, out OperatorToken? keyword) || keyword.Data != "startxref" || !Next(scanner, out NumericToken? start))
            throw new InvalidDataException("the PDF does not end with startxref and an offset");
        var xrefOffset = start.Long;

        scanner.Seek(xrefOffset);
        if (!Next(scanner, out OperatorToken? xref) || xref.Data != "xref")
            throw new InvalidDataException($"no cross-reference table at offset {xrefOffset} (a cross-reference stream is not read here)");
        var offsets = new Dictionary<long, long>();
        while (true)
        {
            if (!scanner.MoveNext()) throw new InvalidDataException("the PDF ends inside its cross-reference table");
            if (scanner.CurrentToken is OperatorToken { Data: "trailer" }) break;
            if (scanner.CurrentToken is not NumericToken first || !Next(scanner, out NumericToken? count))
                throw new InvalidDataException($"a cross-reference subsection at offset {scanner.CurrentTokenStart} has no first number and count");
            for (var i = 0; i < count.Long; i++)
            {
                if (!Next(scanner, out NumericToken? offset) || !Next(scanner, out NumericToken? _) || !Next(scanner, out OperatorToken? kind))
                    throw new InvalidDataException($"a cross-reference entry at offset {scanner.CurrentTokenStart} is not 'offset generation n|f'");
                if (kind.Data == "n") offsets[first.Long + i] = offset.Long;
            }
        }
        if (!Next(scanner, out DictionaryToken? trailer))
            throw new InvalidDataException("the PDF's trailer is not a dictionary");
        if (trailer.Data.ContainsKey(NameToken.Prev.Data) || trailer.Data.ContainsKey(NameToken.Encrypt.Data))
            throw new InvalidDataException("the PDF has been updated or is encrypted: only a file as Skia writes it is read here");
        return new PdfObjectReader(scanner, offsets, trailer, xrefOffset);
    }

    /// <summary>The object <paramref name="reference"/> names, read from its offset.</summary>
    public IToken Get(IndirectReference reference)
    {
        if (!_offsets.TryGetValue(reference.ObjectNumber, out var offset))
            throw new InvalidDataException($"object {reference} is not in the cross-reference table");
        _scanner.Seek(offset);
        if (!Next(_scanner, out NumericToken? number) || number.Long != reference.ObjectNumber
            || !Next(_scanner, out NumericToken? _) || !Next(_scanner, out OperatorToken? obj) || obj.Data != "obj" || !_scanner.MoveNext())
            throw new InvalidDataException($"object {reference} does not start at offset {offset}, where the cross-reference table puts it");
        return _scanner.CurrentToken;
    }

    /// <summary>The dictionary <paramref name="reference"/> names.</summary>
    public DictionaryToken Dictionary(IndirectReference reference) =>
        Get(reference) as DictionaryToken ?? throw new InvalidDataException($"object {reference} is not a dictionary");

    /// <summary>The offset of the last "startxref" keyword, which a PDF's last kilobyte holds.</summary>
    private static long StartXref(Stream pdf)
    {
        var length = pdf.Seek(0, SeekOrigin.End);
        var tail = new byte[(int)Math.Min(TailBytes, length)];
        pdf.Position = length - tail.Length;
        pdf.ReadExactly(tail);
        var at = tail.AsSpan().LastIndexOf("startxref"u8);
        if (at < 0) throw new InvalidDataException("the PDF's last kilobyte has no startxref");
        return length - tail.Length + at;
    }

    private static bool Next<T>(CoreTokenScanner scanner, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? token) where T : class, IToken
    {
        token = scanner.MoveNext() ? scanner.CurrentToken as T : null;
        return token is not null;
    }
}
