using EbookBuilder.Model.Assets;

namespace EbookBuilder.Pipeline.Stages;

/// <summary>What the asset stage gives the writers: the images, the subset fonts, the cover image given (or null), every image that is not in the book, and the font stage's own time.</summary>
internal sealed record Assets(ImageBag Images, FontBag Fonts, ImageAsset? Cover, IReadOnlyList<ImageFailure> Failures, long FontsMs);
