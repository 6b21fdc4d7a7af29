using EbookBuilder.Pdf.Drawing;

namespace EbookBuilder.Pdf.Layout;

/// <summary>Receives pages as they are made: counted (the front matter's length), or written to the PDF.</summary>
internal interface IPageSink
{
    IPageCanvas BeginPage(int number);

    void EndPage(PageInfo page, IPageCanvas canvas);
}
