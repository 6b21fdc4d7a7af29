namespace EbookBuilder.Model.Assets;

/// <summary>
/// The images of a book, by the location the articles name them with: the writers look figures
/// up here and never fetch anything themselves. Identical images are one asset.
/// </summary>
public sealed class ImageBag
{
    private readonly Dictionary<string, ImageAsset> _byLocation;

    /// <summary>A bag of the images found, by location, with the failures and counts.</summary>
    public ImageBag(Dictionary<string, ImageAsset> byLocation, IReadOnlyList<ImageFailure> failures, ImageStatistics statistics)
    {
        _byLocation = byLocation;
        Failures = failures;
        Statistics = statistics;
    }

    /// <summary>A bag with no images (nothing was fetched).</summary>
    public static ImageBag Empty { get; } = new([], [], new ImageStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0));

    /// <summary>The asset for a location, if it was fetched and converted.</summary>
    public ImageAsset? Find(string location) => _byLocation.GetValueOrDefault(location);

    /// <summary>Every distinct asset, in name order.</summary>
    public IReadOnlyList<ImageAsset> Assets => _byLocation.Values.DistinctBy(a => a.Name).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();

    /// <summary>Images that could not be fetched or converted.</summary>
    public IReadOnlyList<ImageFailure> Failures { get; }

    /// <summary>Counts for the report.</summary>
    public ImageStatistics Statistics { get; }
}
