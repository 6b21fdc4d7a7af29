namespace EbookBuilder.Images.Converting;

/// <summary>A converted (or passed-through) image.</summary>
internal sealed record PreparedImage(byte[] Bytes, string MediaType, string Extension, int Width, int Height, bool Reencoded);
