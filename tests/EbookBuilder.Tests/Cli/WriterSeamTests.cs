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

    [Fact]
    public void Each_writer_declares_the_text_it_adds_and_the_font_stage_gets_that_of_the_formats_built()
    {
        var labels = EbookBuilder.Model.Document.Labels.For("zh-CN");
        foreach (var writer in EbookBuilder.Pipeline.Writers.BookWriters.All)
        {
            var declared = string.Concat(writer.AddedText(labels));
            Assert.All(labels.All, label => Assert.Contains(label, declared)); // every label it may draw
            Assert.All("0123456789年月日", c => Assert.Contains(c, declared)); // page numbers and dates
        }
        Assert.Equal(
            EbookBuilder.Pipeline.Writers.BookWriters.For(OutputFormats.Pdf).SelectMany(w => w.AddedText(labels)),
            EbookBuilder.Pipeline.Writers.BookWriters.AddedText(OutputFormats.Pdf, labels));
    }
}
