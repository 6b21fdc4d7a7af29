namespace EbookBuilder.Pdf.Layout;

/// <summary>Receives pages as they are made: the first pass counts them, the second writes them to the PDF.</summary>
internal interface IPageSink
{
    IPageCanvas BeginPage(int number);

    void EndPage(PageInfo page, IPageCanvas canvas);
}
