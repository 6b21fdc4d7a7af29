namespace EbookBuilder.Model.Assets;

/// <summary>
/// An image ready for the book: a generated file name unique per content ("img-3fa2….jpg"), its
/// bytes in an e-reader format, and its size in pixels (0 for SVG).
/// </summary>
public sealed record ImageAsset(string Name, byte[] Bytes, string MediaType, int Width, int Height);
