namespace EbookBuilder.Pdf.Typesetting;

/// <summary>How a block of text is set.</summary>
internal enum TextAlign { Justify, Left, Center, Right }
