using System.Security.Cryptography;

namespace EbookBuilder.Images.Converting;

/// <summary>A converted (or passed-through) image.</summary>
internal sealed record PreparedImage(byte[] Bytes, string MediaType, string Extension, int Width, int Height, bool Reencoded)
{
    private string? _sha256;

    /// <summary>The SHA-256 of the bytes, in lower-case hex: computed once.</summary>
    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(SHA256.HashData(Bytes));
}
