namespace EbookBuilder.Pipeline;

/// <summary>
/// Settings for a kind of reader: the PDF's page size, margins and body size, and the images'
/// largest size and colour. Options given on the command line win over the profile.
/// </summary>
public sealed record DeviceProfile(
    string Name,
    string PageSize,
    float MarginTopMm,
    float MarginBottomMm,
    float MarginInsideMm,
    float MarginOutsideMm,
    float BodySize,
    int ImageMaxWidth,
    int ImageMaxHeight,
    bool Grayscale,
    string Description,
    int Columns = 1)
{
    /// <summary>The profiles, by name; the README's table documents them.</summary>
    public static IReadOnlyList<DeviceProfile> All { get; } =
    [
        new("kindle", "90x122mm", 6, 6, 5, 5, 9, 1072, 1448, true, "6-inch Kindle (Paperwhite): e-ink, 300 ppi"),
        new("kobo", "90x120mm", 6, 6, 5, 5, 9, 1072, 1448, true, "6-inch Kobo (Clara): e-ink"),
        new("koreader", "90x120mm", 5, 5, 4, 4, 9, 1264, 1680, true, "KOReader on a 6-7-inch e-ink reader, small margins"),
        new("phone", "70x140mm", 5, 5, 4, 4, 9, 1080, 1920, false, "a phone screen, colour"),
        new("print-a4", "A4", 20, 20, 20, 18, 11, 2000, 2000, false, "printing on A4"),
        new("print-a5", "A5", 18, 18, 16, 16, 10.5f, 1600, 1600, false, "printing on A5 (the theme's defaults)"),
        new("print-a4-2col", "A4", 16, 16, 16, 16, 9.5f, 1600, 1600, false, "a digest printed on A4, in two columns", Columns: 2),
    ];

    /// <summary>What to say when there is no profile by that name.</summary>
    public static string Unknown(string name) => $"no device profile '{name}'; use one of {string.Join(", ", All.Select(p => p.Name))}";

    /// <summary>The profile called <paramref name="name"/>, or null.</summary>
    public static DeviceProfile? Find(string name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
