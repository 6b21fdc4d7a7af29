namespace EbookBuilder.Ingest.Chars;

/// <summary>A file's text and the encoding it was read with.</summary>
internal sealed record DecodedText(string Text, string EncodingName);
