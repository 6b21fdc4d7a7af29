using EbookBuilder.Pipeline;

namespace EbookBuilder.Tests.Cli;

/// <summary>The writer seam: the pipeline runs the registered writers of the formats asked for, and knows no format itself.</summary>
public sealed class WriterSeamTests
{
    [Fact]
    public void The_formats_asked_for_pick_their_writers_in_a_fixed_order()
    {
        Assert.Equal(["epub", "pdf"], EbookBuilder.Pipeline.Writers.BookWriters.For(OutputFormats.All).Select(w => w.Format));
        Assert.Equal(["pdf"], EbookBuilder.Pipeline.Writers.BookWriters.For(OutputFormats.Pdf).Select(w => w.Format));
        Assert.Equal(["epub"], EbookBuilder.Pipeline.Writers.BookWriters.For(OutputFormats.Epub).Select(w => w.Format));
    }
}
