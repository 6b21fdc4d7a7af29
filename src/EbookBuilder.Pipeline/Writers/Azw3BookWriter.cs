using EbookBuilder.Kindle;

namespace EbookBuilder.Pipeline.Writers;

/// <summary>
/// A Kindle book (NAME.azw3): the EPUB, written in memory with its fonts as they are, converted by
/// our KF8 writer (<see cref="Azw3Writer"/>), as KindleGen and calibre make KF8 from an EPUB.
/// </summary>
internal sealed class Azw3BookWriter : EpubBookWriter
{
    public override string Format => "azw3";

    public override string Extension => "azw3";

    public override bool IsIn(OutputFormats formats) => formats.HasFlag(OutputFormats.Azw3);

    public override IReadOnlyDictionary<string, long> Write(WriterContext context, Stream output, CancellationToken cancellationToken)
    {
        using var epub = new MemoryStream();
        WriteEpub(context, epub, obfuscateFonts: false, cancellationToken, fastCompression: true);
        epub.Position = 0;
        Azw3Writer.Write(epub, output, new Azw3Options(context.Timestamp), cancellationToken);
        return new Dictionary<string, long>();
    }
}
