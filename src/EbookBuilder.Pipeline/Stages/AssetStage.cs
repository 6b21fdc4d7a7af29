using System.Diagnostics;
using EbookBuilder.Fonts;
using EbookBuilder.Images;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Pipeline.Stages;

/// <summary>
/// Images ‖ fonts: the fonts need only the text, so they are subset while the images are fetched.
/// A font that cannot be found stops the images at once (no point downloading for a book that
/// fails). Images that fail, an unusable cache and characters no font has are warnings.
/// </summary>
internal static class AssetStage
{
    public static async Task<Assets> RunAsync(Book book, IReadOnlyList<ImageFailure> refused, BuildOptions options, Labels labels,
        DiagnosticBag diagnostics, IProgress<BuildProgress>? progress, CancellationToken cancellationToken)
    {
        using var imagesCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fontsTask = Task.FromResult((Bag: FontBag.Empty, Ms: 0L));
        if (options.Fonts is { } fontOptions)
        {
            progress?.Report(new BuildProgress("fonts", 0, 1));
            fontsTask = Task.Run(() => Fonts(book, fontOptions, options.Formats, labels, imagesCancel, cancellationToken), cancellationToken);
        }
        var images = ImageBag.Empty;
        ImageAsset? cover;
        try
        {
            if (options.FetchImages) images = await ImagesAsync(book, refused, options, progress, imagesCancel.Token).ConfigureAwait(false);
            cover = await CoverImageAsync(options, diagnostics, imagesCancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (imagesCancel.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            cover = null; // stopped by the font stage, whose error is thrown below
        }
        finally
        {
            // Never leave the font stage running behind a failed build.
            await ((Task)fontsTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        FontBag fonts;
        long fontsMs;
        try
        {
            (fonts, fontsMs) = await fontsTask.ConfigureAwait(false);
        }
        catch (FontNotFoundException e)
        {
            throw new BuildInputException(e.Message);
        }
        WarnCache(images, options, diagnostics);
        var failures = refused.Concat(images.Failures).ToList();
        ReportImageFailures(book, failures, options.FetchImages, diagnostics);
        if (options.Fonts is not null)
        {
            WarnUncovered(fonts, diagnostics);
            progress?.Report(new BuildProgress("fonts", 1, 1));
        }
        return new Assets(images, fonts, cover, failures, fontsMs);
    }

    /// <summary>
    /// The fonts subset for one of several books cut from the build's (<c>--split chapter</c>): the
    /// build's font stage has warned of what no font has, so this one says nothing.
    /// </summary>
    public static FontBag FontsFor(Book book, BuildOptions options, Labels labels, CancellationToken cancellationToken)
    {
        if (options.Fonts is not { } fontOptions) return FontBag.Empty;
        try
        {
            return Subset(book, fontOptions, options.Formats, labels, cancellationToken);
        }
        catch (FontNotFoundException e)
        {
            throw new BuildInputException(e.Message);
        }
    }

    private static (FontBag, long) Fonts(Book book, FontOptions fontOptions, OutputFormats formats, Labels labels, CancellationTokenSource imagesCancel, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        try
        {
            return (Subset(book, fontOptions, formats, labels, cancellationToken), started.ElapsedMilliseconds);
        }
        catch (FontNotFoundException)
        {
            imagesCancel.Cancel();
            throw;
        }
    }

    /// <summary>The fonts subset to the book's text and what the writers of <paramref name="formats"/> add to it.</summary>
    private static FontBag Subset(Book book, FontOptions fontOptions, OutputFormats formats, Labels labels, CancellationToken cancellationToken) =>
        FontStage.Run(book, fontOptions, Writers.BookWriters.AddedText(formats, labels), cancellationToken);

    private static Task<ImageBag> ImagesAsync(Book book, IReadOnlyList<ImageFailure> refused, BuildOptions options, IProgress<BuildProgress>? progress, CancellationToken cancellationToken)
    {
        var locations = book.Articles.SelectMany(a => Figures.In(a.Blocks)).Select(f => f.Image?.Location).OfType<string>()
            .Where(l => !refused.Any(r => r.Location == l)).ToList();
        var imageProgress = progress is null ? null : new SynchronousProgress<ImageProgress>(p => progress.Report(new BuildProgress("images", p.Done, p.Total, p.Bytes)));
        return ImageStage.RunAsync(locations, options.Images, imageProgress, cancellationToken);
    }

    /// <summary>The cover image the book names (a file or a URL), fetched and converted like any image; null when none is named or it fails (a warning).</summary>
    private static async Task<ImageAsset?> CoverImageAsync(BuildOptions options, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        if (options.CoverImage is not { } location) return null;
        var bag = await ImageStage.RunAsync([location], options.Images with { Grayscale = false }, null, cancellationToken).ConfigureAwait(false);
        if (bag.Find(location) is not { } asset || asset.MediaType is not ("image/jpeg" or "image/png"))
        {
            var reason = bag.Failures.FirstOrDefault()?.Reason ?? "not a JPEG or PNG image";
            diagnostics.Warn(DiagnosticCodes.ImageFailed, $"the cover image {location} cannot be used ({reason}); a cover is drawn instead", null);
            return null;
        }
        var extension = asset.MediaType == "image/png" ? "png" : "jpg";
        return new ImageAsset("cover." + extension, asset.ReadBytes(), asset.MediaType, asset.Width, asset.Height);
    }

    private static void WarnCache(ImageBag images, BuildOptions options, DiagnosticBag diagnostics)
    {
        if (images.Statistics.CacheUnwritable is { } why)
        {
            diagnostics.Warn(DiagnosticCodes.CacheUnwritable,
                $"the image cache in {options.Images.CacheDirectory} cannot be written ({why.TrimEnd('.')}); this build keeps its images in memory and the next one fetches them again. Free some space, or give another folder with --cache-dir");
        }
        else if ((options.FetchImages || options.GenerateCover) && Images.Caching.CacheFolder.Unusable(options.Images.CacheDirectory) is { } foreign)
        {
            diagnostics.Warn(DiagnosticCodes.CacheUnwritable,
                $"the image cache is not used ({foreign}; the cache writes only in a folder it made). Give an empty or new folder with --cache-dir");
        }
    }

    /// <summary>One warning per figure whose image is not in the book, at the figure's file and line.</summary>
    private static void ReportImageFailures(Book book, IReadOnlyList<ImageFailure> failures, bool fetched, DiagnosticBag diagnostics)
    {
        var reasons = failures.GroupBy(f => f.Location, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal);
        foreach (var article in book.Articles)
        {
            var figures = Figures.In(article.Blocks).Where(f => f.Image is not null).ToList();
            if (!fetched)
            {
                if (figures.Count > 0)
                    diagnostics.Info(DiagnosticCodes.ImageNotEmbedded, $"{figures.Count} image(s) left out (--no-images); captions kept", article.Source);
                continue;
            }
            foreach (var figure in figures)
            {
                if (reasons.TryGetValue(figure.Image!.Location, out var reason))
                    diagnostics.Warn(DiagnosticCodes.ImageFailed, $"image {figure.Image.Location} left out: {reason}", figure.Source);
            }
        }
    }

    /// <summary>Characters no font has: the first ten at their article, the count of the rest.</summary>
    private static void WarnUncovered(FontBag fonts, DiagnosticBag diagnostics)
    {
        const int listed = 10;
        if (fonts.Uncovered.Count > listed)
        {
            diagnostics.Warn(DiagnosticCodes.CharacterNotCovered,
                $"no font has {fonts.Uncovered.Count} of the book's characters (the first {listed} follow; the report's `uncovered` lists them all); add a font that has them with --font");
        }
        foreach (var missing in fonts.Uncovered.Take(listed))
        {
            var where = missing.Articles.Count > 0 ? SourceSpan.InFile(missing.Articles[0]) : (SourceSpan?)null;
            var more = missing.Articles.Count > 1 ? $" (and {missing.Articles.Count - 1} more article(s))" : "";
            diagnostics.Warn(DiagnosticCodes.CharacterNotCovered,
                $"no font has {missing.Display}{more}; it may show as a box. Add a font that has it with --font", where);
        }
    }
}
