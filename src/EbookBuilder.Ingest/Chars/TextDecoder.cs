using System.Text;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Ingest.Chars;

/// <summary>
/// Turns a file's bytes into text: UTF-8 (with or without BOM) or UTF-16 by BOM; bytes that are
/// not UTF-8 are Big5 (traditional Chinese, Taiwan and Hong Kong) or GB18030 (simplified). Nearly
/// every Big5 byte pair is also a valid GB18030 pair, so "decodes without error" cannot tell them
/// apart: Mozilla's detector (uchardet, through UTF.Unknown) scores the text as each, by how
/// common its characters and character pairs are in that language; Big5 that is not valid Big5 but
/// valid Big5-HKSCS (Hong Kong's supplementary characters) is read as that, through the C library's
/// iconv (<see cref="IconvEncoding"/>). A forced encoding (--encoding)
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
        // .NET has Big5 (cp950) only, and takes "big5-hkscs" for a name of it; the C library reads Hong Kong's Big5.
        if (name.Trim().Replace("-", "").Replace("_", "").ToLowerInvariant() is "big5hkscs" or "hkscs") return IconvEncoding.Big5Hkscs;
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
            // Big5 with Hong Kong's supplementary characters (哋, 喺, 㗎) is not valid Big5: read it as Big5-HKSCS.
            if (LooksLikeBig5(bytes) || FrequentShare(bytes, traditional: true) > FrequentShare(bytes, traditional: false))
            {
                // .NET's Big5 (cp950) reads HKSCS's bytes as private-use characters (U+E000–U+F8FF) rather than failing.
                var big5 = TryLegacy(bytes, Encoding.GetEncoding("big5"), "Big5", file, null);
                if (big5 is null || big5.Text.Any(c => c is >= '\uE000' and <= '\uF8FF'))
                {
                    if (IconvEncoding.Big5Hkscs is { } hkscs && TryLegacy(bytes, hkscs, "Big5-HKSCS", file, diagnostics) is { } hk) return hk;
                }
                if (big5 is not null)
                {
                    diagnostics.Info(DiagnosticCodes.LegacyEncoding, "decoded as Big5 (the file is not UTF-8)", SourceSpan.InFile(file));
                    return big5;
                }
            }
            if (TryLegacy(bytes, Encoding.GetEncoding("GB18030"), "GB18030", file, diagnostics) is { } gb) return gb;
            // Neither encoding fits: fall through and report the UTF-8 damage.
        }
        return Utf8(bytes, file, diagnostics);
    }

    /// <summary>The bytes decoded strictly in a legacy encoding, or null when they are not valid in it.</summary>
    private static DecodedText? TryLegacy(ReadOnlySpan<byte> bytes, Encoding encoding, string label, string file, DiagnosticBag? diagnostics)
    {
        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        try
        {
            var text = strict.GetString(bytes);
            diagnostics?.Info(DiagnosticCodes.LegacyEncoding, $"decoded as {label} (the file is not UTF-8)", SourceSpan.InFile(file));
            return new DecodedText(text, label.ToLowerInvariant());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// The share of the double-byte characters that fall in the encoding's own region of frequent
    /// characters, read from the bytes: Big5 orders its characters by frequency (lead bytes A4–C6
    /// are its 5,401 常用字; HKSCS additions and rarer characters lie outside), GB2312, the core of
    /// GB18030, puts its 3,755 level-1 characters at lead bytes B0–D7 with trail bytes A1–FE. Real
    /// text in an encoding lands mostly in its frequent region; the same bytes read as the other
    /// encoding scatter. This scores the bytes when the detector is unsure (a short text of Hong
    /// Kong characters, which Big5's detector does not know), with the encodings' structure, not a list.
    /// </summary>
    internal static double FrequentShare(ReadOnlySpan<byte> bytes, bool traditional)
    {
        int pairs = 0, frequent = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            var lead = bytes[i];
            if (lead < 0x81 || lead == 0xFF) continue;
            var trail = bytes[++i];
            pairs++;
            if (traditional ? lead is >= 0xA4 and <= 0xC6 && trail is (>= 0x40 and <= 0x7E) or (>= 0xA1 and <= 0xFE)
                            : lead is >= 0xB0 and <= 0xD7 && trail is >= 0xA1 and <= 0xFE)
                frequent++;
        }
        return pairs == 0 ? 0 : (double)frequent / pairs;
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
