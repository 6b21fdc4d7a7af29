namespace EbookBuilder.Model.Assets;

/// <summary>
/// A subset font ready for the book. <see cref="Slot"/> is its place in the fallback chain (0 is
/// the book's font); <see cref="Weight"/> 400 or 700; <see cref="Codepoints"/> the characters this
/// face draws in the book (a writer draws each character with the first face that has it).
/// </summary>
public sealed record FontAsset(
    int Slot,
    int Weight,
    string FileName,
    byte[] Bytes,
    string MediaType,
    string Family,
    string SourceFile,
    IReadOnlySet<int> Codepoints,
    int Glyphs,
    long Milliseconds);
