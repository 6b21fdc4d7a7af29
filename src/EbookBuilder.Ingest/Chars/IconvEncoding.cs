using System.Runtime.InteropServices;
using System.Text;

namespace EbookBuilder.Ingest.Chars;

/// <summary>
/// A decoder for an encoding .NET does not carry, read through the C library's <c>iconv(3)</c>:
/// Big5-HKSCS (Hong Kong's Big5 with its 5,000 supplementary characters: 㗎, 嘅, 咗, 哋, 喺, and
/// characters outside the BMP). .NET's code pages have only Big5 (cp950); glibc's gconv module
/// <c>BIG5HKSCS.so</c> (in Debian's libc6) has the HKSCS-2008 table, so no table is ours.
/// Decoding only (articles are read, never written in it). Invalid bytes follow the decoder
/// fallback: an exception with their offset for a strict reading, else U+FFFD and on.
/// </summary>
internal sealed partial class IconvEncoding : Encoding
{
    private readonly string charset;
    private readonly string webName;

    private IconvEncoding(string charset, string webName) : base(0, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback)
    {
        this.charset = charset;
        this.webName = webName;
    }

    /// <summary>Big5-HKSCS, or null where the C library cannot convert it (not glibc, or its gconv modules missing).</summary>
    public static IconvEncoding? Big5Hkscs { get; } = Open("BIG5-HKSCS", "big5-hkscs");

    private static IconvEncoding? Open(string charset, string webName)
    {
        try
        {
            var cd = Native.iconv_open("UTF-16LE", charset);
            if (cd == -1) return null;
            Native.iconv_close(cd);
            return new IconvEncoding(charset, webName);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    public override string WebName => webName;

    public override string EncodingName => webName;

    public override int GetCharCount(byte[] bytes, int index, int count) => Decode(bytes.AsSpan(index, count)).Length;

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
    {
        var text = Decode(bytes.AsSpan(byteIndex, byteCount));
        text.CopyTo(chars.AsSpan(charIndex));
        return text.Length;
    }

    public override string GetString(byte[] bytes, int index, int count) => new(Decode(bytes.AsSpan(index, count)));

    /// <summary>Every character of Big5-HKSCS is one or two bytes and gives at most two UTF-16 units (a pair, or a base and a combining mark).</summary>
    public override int GetMaxCharCount(int byteCount) => byteCount + 1;

    public override int GetMaxByteCount(int charCount) => throw new NotSupportedException($"{webName} is read, not written");

    public override int GetByteCount(char[] chars, int index, int count) => throw new NotSupportedException($"{webName} is read, not written");

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw new NotSupportedException($"{webName} is read, not written");

    private unsafe char[] Decode(ReadOnlySpan<byte> bytes)
    {
        var cd = Native.iconv_open("UTF-16LE", charset);
        if (cd == -1) throw new InvalidOperationException($"iconv cannot convert {charset} here");
        try
        {
            var output = new char[bytes.Length + 16];
            var written = 0;
            fixed (byte* start = bytes)
            {
                var input = (nint)start;
                var inLeft = (nuint)bytes.Length;
                while (true)
                {
                    fixed (char* outStart = output)
                    {
                        var outPtr = (nint)(outStart + written);
                        var outLeft = (nuint)((output.Length - written) * 2);
                        var result = Native.iconv(cd, ref input, ref inLeft, ref outPtr, ref outLeft);
                        var error = result == unchecked((nuint)(-1)) ? Marshal.GetLastPInvokeError() : 0;
                        written = (int)((outPtr - (nint)outStart) / 2);
                        if (error == 0 && inLeft == 0) break;
                        if (error == E2BIG)
                        {
                            Array.Resize(ref output, output.Length * 2);
                            continue;
                        }
                        // An invalid or cut-off sequence: its offset for a strict reading, else U+FFFD.
                        var offset = (int)(input - (nint)start);
                        if (DecoderFallback is DecoderExceptionFallback)
                            throw new DecoderFallbackException($"bytes that are not {webName} at offset {offset}", bytes.Slice(offset, Math.Min(2, bytes.Length - offset)).ToArray(), offset);
                        if (written >= output.Length) Array.Resize(ref output, output.Length * 2);
                        output[written++] = '\uFFFD';
                        input += 1;
                        inLeft -= 1;
                        if (inLeft == 0) break;
                    }
                }
            }
            Array.Resize(ref output, written);
            return output;
        }
        finally
        {
            Native.iconv_close(cd);
        }
    }

    private const int E2BIG = 7;

    private static partial class Native
    {
        [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
        public static partial nint iconv_open(string toCode, string fromCode);

        [LibraryImport("libc", SetLastError = true)]
        public static partial nuint iconv(nint cd, ref nint inBuffer, ref nuint inBytesLeft, ref nint outBuffer, ref nuint outBytesLeft);

        [LibraryImport("libc")]
        public static partial int iconv_close(nint cd);
    }
}
