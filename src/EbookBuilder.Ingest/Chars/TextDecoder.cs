using System.Text;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest.Chars;

/// <summary>
/// Turns a file's bytes into text: UTF-8 (with or without BOM) or UTF-16 by BOM, else GB18030 when
/// the bytes are not UTF-8 but are valid GB18030. Invalid bytes are reported, never hidden.
/// </summary>
internal static class TextDecoder
{
    private static readonly Encoding LenientUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: false);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string file, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith("\uFEFF"u8)) return Utf8(bytes[3..], file, diagnostics);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");

        var firstInvalid = Utf8FirstInvalid(bytes, out var invalidCount, out var nonAscii);
        if (firstInvalid < 0) return new DecodedText(Encoding.UTF8.GetString(bytes), "utf-8");

        // A few bad sequences in an otherwise UTF-8 file are damage; many mean another encoding.
        var mostlyUtf8 = nonAscii > 0 && invalidCount * 10 < nonAscii;
        if (!mostlyUtf8)
        {
            var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            try
            {
                var text = gb.GetString(bytes);
                diagnostics.Info(DiagnosticCodes.LegacyEncoding, "decoded as GB18030 (the file is not UTF-8)", SourceSpan.InFile(file));
                return new DecodedText(text, "gb18030");
            }
            catch (DecoderFallbackException)
            {
                // Neither encoding fits: fall through and report the UTF-8 damage.
            }
        }
        return Utf8(bytes, file, diagnostics);
    }

    private static DecodedText Utf8(ReadOnlySpan<byte> bytes, string file, DiagnosticBag diagnostics)
    {
        var firstInvalid = Utf8FirstInvalid(bytes, out var invalidCount, out _);
        if (firstInvalid >= 0)
        {
            var line = 1 + bytes[..firstInvalid].Count((byte)'\n');
            diagnostics.Warn(DiagnosticCodes.InvalidEncoding,
                $"{invalidCount} invalid UTF-8 byte sequence(s), first at byte {firstInvalid}; they are shown as U+FFFD. " +
                "Re-save the file as UTF-8 to fix it.",
                new SourceSpan(file, line));
        }
        return new DecodedText(LenientUtf8.GetString(bytes), "utf-8");
    }

    /// <summary>Offset of the first invalid UTF-8 sequence, or -1; counts invalid sequences and non-ASCII bytes.</summary>
    private static int Utf8FirstInvalid(ReadOnlySpan<byte> bytes, out int invalidCount, out int nonAscii)
    {
        invalidCount = 0;
        nonAscii = 0;
        var first = -1;
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                if (first < 0) first = offset;
                invalidCount++;
            }
            if (bytes[offset] >= 0x80) nonAscii += consumed;
            offset += Math.Max(consumed, 1);
        }
        return first;
    }
}
