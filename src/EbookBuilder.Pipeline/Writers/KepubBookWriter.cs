namespace EbookBuilder.Pipeline.Writers;

/// <summary>
/// Kobo's EPUB (NAME.kepub.epub): the EPUB, its content pages with Kobo's wrappers and sentence
/// spans (<see cref="EbookBuilder.Epub.KoboSpans"/>), which give a Kobo its page turns, reading
/// statistics and highlights; nothing else changes, and it stays a valid EPUB 3.
/// </summary>
internal sealed class KepubBookWriter : EpubBookWriter
{
    public override string Format => "kepub";

    public override string Extension => "kepub.epub";

    public override bool IsIn(OutputFormats formats) => formats.HasFlag(OutputFormats.Kepub);

    protected override Func<byte[], byte[]>? ContentPages => EbookBuilder.Epub.KoboSpans.Add;
}
