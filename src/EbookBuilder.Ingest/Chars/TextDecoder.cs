using System.Text;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest.Chars;

/// <summary>
/// Turns a file's bytes into text: UTF-8 (with or without BOM) or UTF-16 by BOM; bytes that are
/// not UTF-8 are Big5 (traditional Chinese, Taiwan and Hong Kong) or GB18030 (simplified). Nearly
/// every Big5 byte pair is also a valid GB18030 pair, so "decodes without error" cannot tell them
/// apart: Mozilla's detector (uchardet, through UTF.Unknown) scores the text as each, by how
/// common its characters and character pairs are in that language. A forced encoding (--encoding)
/// skips the guessing. Invalid bytes are reported, never hidden.
/// </summary>
internal static class TextDecoder
{
    /// <summary>How sure the detector must be that the bytes are Big5 to read them so (GB18030 otherwise, as before).</summary>
    private const float Big5Confidence = 0.5f;

    private static readonly Encoding LenientUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: false);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding a name gives (big5, gb18030, utf-8, shift_jis…), or null when none has that name.</summary>
    public static Encoding? Named(string name)
    {
        try
        {
            return Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string file, DiagnosticBag diagnostics, Encoding? forced = null)
    {
        if (forced is not null) return Forced(bytes, forced, file, diagnostics);
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
            // Big5 when the detector is sure (not clean Big5 after all: HKSCS extensions, damage), else GB18030.
            if (LooksLikeBig5(bytes) && TryLegacy(bytes, "big5", "Big5", file, diagnostics) is { } big5) return big5;
            if (TryLegacy(bytes, "GB18030", "GB18030", file, diagnostics) is { } gb) return gb;
            // Neither encoding fits: fall through and report the UTF-8 damage.
        }
        return Utf8(bytes, file, diagnostics);
    }

    /// <summary>The bytes decoded strictly in a legacy encoding, or null when they are not valid in it.</summary>
    private static DecodedText? TryLegacy(ReadOnlySpan<byte> bytes, string encoding, string label, string file, DiagnosticBag diagnostics)
    {
        try
        {
            var text = Encoding.GetEncoding(encoding, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
            diagnostics.Info(DiagnosticCodes.LegacyEncoding, $"decoded as {label} (the file is not UTF-8)", SourceSpan.InFile(file));
            return new DecodedText(text, encoding.ToLowerInvariant());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool LooksLikeBig5(ReadOnlySpan<byte> bytes)
    {
        var detected = UtfUnknown.CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        return detected is not null && detected.EncodingName.StartsWith("big5", StringComparison.OrdinalIgnoreCase) && detected.Confidence >= Big5Confidence;
    }

    /// <summary>The bytes in the encoding the user named; bytes it cannot decode are reported at their line.</summary>
    private static DecodedText Forced(ReadOnlySpan<byte> bytes, Encoding encoding, string file, DiagnosticBag diagnostics)
    {
        if (encoding is UTF8Encoding && bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        try
        {
            return new DecodedText(strict.GetString(bytes), encoding.WebName);
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Clamp(e.Index, 0, bytes.Length);
            diagnostics.Warn(DiagnosticCodes.InvalidEncoding,
                $"the file does not decode cleanly as {encoding.WebName} (first bad bytes at byte {at}); they are shown as U+FFFD. Check --encoding (or [book] encoding), or re-save the file as UTF-8",
                new SourceSpan(file, 1 + bytes[..at].Count((byte)'\n')));
            return new DecodedText(encoding.GetString(bytes), encoding.WebName);
        }
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
