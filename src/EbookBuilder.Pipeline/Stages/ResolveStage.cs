using EbookBuilder.Assembly;
using EbookBuilder.Assembly.Scripts;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Text;
using EbookBuilder.Pdf;

namespace EbookBuilder.Pipeline.Stages;

/// <summary>
/// The first stage: the settings resolved once (defaults &lt; profile &lt; book.toml &lt; command line),
/// the metadata and output folder checked, the inputs resolved into chapters. Anything wrong here
/// stops the build before an article is read (<see cref="BuildInputException"/>).
/// </summary>
internal static class ResolveStage
{
    /// <summary>
    /// Resolves <paramref name="options"/>; input problems that do not stop the build go to
    /// <paramref name="diagnostics"/>. <paramref name="writes"/>: whether the build will write (the
    /// output folder is checked, and made); not for a plan (<c>--list-books</c>).
    /// </summary>
    public static Resolved Run(BuildOptions options, DiagnosticBag diagnostics, bool writes = true)
    {
        var settings = ResolveSettings(options);
        foreach (var (key, names, parse) in new (string, IReadOnlyList<string>, Func<string, bool>)[]
        {
            ("script", ChineseScripts.Names, n => ChineseScripts.Parse(n) is not null),
            ("quotes", QuoteStyles.Names, n => QuoteStyles.Parse(n) is not null),
        })
        {
            if (settings.Values.TryGetValue(key, out var given) && !parse((string)given.Value))
                throw new BuildInputException($"{key} '{given.Value}' (from {given.From}) is not one of {string.Join(", ", names)}{EbookBuilder.Model.Text.EditDistance.DidYouMean((string)given.Value, names)}");
        }
        options = options with
        {
            Language = settings.Language,
            Formats = settings.Formats,
            // Fonts need the bundled folder the options name: without options.Fonts (an API caller) there are none.
            Fonts = settings.NoFonts || options.Fonts is not { } fonts ? null : fonts with { Body = settings.Font },
            ObfuscateFonts = settings.ObfuscateFonts,
            Images = options.Images with { MaxWidth = settings.ImageMax!.Value.Width, MaxHeight = settings.ImageMax.Value.Height, Grayscale = settings.Grayscale },
        };
        if (options.Formats.HasFlag(OutputFormats.Pdf) && options.Fonts is null)
        {
            throw new BuildInputException("a PDF needs embedded fonts: drop --no-fonts (or no-fonts in book.toml), or build --format epub");
        }
        if (options.Formats.HasFlag(OutputFormats.Pdf) && settings.PageSize is { } size)
        {
            try { PdfTheme.PageSizePoints(size); }
            catch (ArgumentException e) { throw new BuildInputException(e.Message); }
        }
        CheckMetadata(options);
        if (writes) OutputFolder.Check(options.OutputDirectory);

        // One folder the book may read from: index links, book file sources and local images stay in it.
        var root = options.BookRoot ?? BookFolder.ForInputs(options.Inputs);
        var sources = options.Chapters is { } specs
            ? InputResolver.Resolve(specs, root, diagnostics)
            : InputResolver.Resolve(options.Inputs, diagnostics);
        if (diagnostics.HasErrors)
        {
            throw new BuildInputException(string.Join('\n', diagnostics.Items.Where(d => d.Severity == Severity.Error)));
        }
        if (settings.Values.TryGetValue("split", out var split) && Volumes.ParseSplit((string)split.Value) is null && !Volumes.IsByChapter((string)split.Value))
            throw new BuildInputException($"split '{split.Value}' (from {split.From}) is neither chapter nor a size: write chapter (one book per chapter), or size:45MB (Send to Kindle takes 50 MB), size:800KB");
        CheckImposition(settings);
        CheckColumns(settings);
        return new Resolved(options, settings, root, sources);
    }

    /// <summary>
    /// The build's settings: the defaults (the theme file's page and type, the options' formats,
    /// fonts, image limits and colour), then each layer the options carry, later ones winning.
    /// </summary>
    internal static BuildSettings ResolveSettings(BuildOptions options)
    {
        var defaults = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["formats"] = options.Formats,
            ["language"] = options.Language,
            ["no-fonts"] = options.Fonts is null,
            ["obfuscate-fonts"] = options.ObfuscateFonts,
            ["image-max"] = (options.Images.MaxWidth, options.Images.MaxHeight),
            ["grayscale"] = options.Images.Grayscale,
        };
        if (options.Fonts?.Body is { } body) defaults["font"] = body;
        // The theme file's every value, under book.toml's names (pageSize -> page-size).
        foreach (var (name, value) in PdfTheme.Load(ThemeFile(options)).Values()) defaults[BuildSettings.KebabCase(name)] = value;
        return BuildSettings.Resolve([new SettingsLayer(BuildSettings.DefaultsName, defaults), .. options.Settings]);
    }

    /// <summary>The imposition and signature: known names, a booklet for a signature, and the PDF they are made from.</summary>
    private static void CheckImposition(BuildSettings settings)
    {
        if (settings.Values.TryGetValue("imposition", out var imposition) && Impositions.Parse((string)imposition.Value) is null)
        {
            var name = (string)imposition.Value;
            throw new BuildInputException($"imposition '{name}' (from {imposition.From}) is not one of {string.Join(", ", Impositions.Names)}{EditDistance.DidYouMean(name, Impositions.Names)}");
        }
        if (settings.Values.TryGetValue("signature", out var signature))
        {
            if (Convert.ToInt64(signature.Value, System.Globalization.CultureInfo.InvariantCulture) is < 1 or > 100)
                throw new BuildInputException($"signature {signature.Value} (from {signature.From}): give the sheets folded together in a signature, from 1 to 100 (4 to 8 is usual)");
            if (settings.Imposition != Pdf.Imposition.ImpositionKind.Booklet)
                throw new BuildInputException($"signature (from {signature.From}) folds a booklet's sheets in groups: give --imposition booklet too");
        }
        if (settings.Values.TryGetValue("bleed", out var bleed))
        {
            if (BuildSettings.ParseBleed((string)bleed.Value) is null)
                throw new BuildInputException($"bleed '{bleed.Value}' (from {bleed.From}) is not a length: write it in millimetres from 0 to 20, for example 3mm (what most print shops ask)");
            if (settings.BleedMm > 0 && settings.Imposition != Pdf.Imposition.ImpositionKind.None)
                throw new BuildInputException($"bleed (from {bleed.From}) sets each page on a print shop's sheet with crop marks, and imposition (from {imposition!.From}) puts pages on sheets to print at home: give one of them");
        }
        if (settings.Imposition != Pdf.Imposition.ImpositionKind.None && !settings.Formats.HasFlag(OutputFormats.Pdf))
            throw new BuildInputException($"imposition (from {imposition!.From}) puts the PDF's pages on sheets, and no PDF is built: add pdf to the formats (-f pdf, or -f epub,pdf)");
    }

    /// <summary>The columns: one or two, on horizontal pages; the titles' place by a known name.</summary>
    private static void CheckColumns(BuildSettings settings)
    {
        if (settings.Values.TryGetValue("columns", out var columns))
        {
            if (Convert.ToInt64(columns.Value, System.Globalization.CultureInfo.InvariantCulture) is < 1 or > 2)
                throw new BuildInputException($"columns {columns.Value} (from {columns.From}): the PDF is set in 1 or 2 columns");
            if (settings.Columns > 1 && settings.Vertical)
                throw new BuildInputException($"columns (from {columns.From}) are for horizontal pages: a vertical book is set in one column; leave out one of --columns and --vertical");
        }
        if (settings.Values.TryGetValue("column-titles", out var titles) && BuildSettings.ParseColumnTitles((string)titles.Value) is null)
        {
            var name = (string)titles.Value;
            throw new BuildInputException($"column-titles '{name}' (from {titles.From}) is not one of {string.Join(", ", BuildSettings.ColumnTitleNames)}{EditDistance.DidYouMean(name, BuildSettings.ColumnTitleNames)}");
        }
    }

    /// <summary>The PDF theme file of the build's styles.</summary>
    internal static string ThemeFile(BuildOptions options) => Path.Combine(options.StylesDirectory, "pdf-theme.json");

    /// <summary>The language, authors, title and encoding given: all that is wrong, in one message.</summary>
    private static void CheckMetadata(BuildOptions options)
    {
        var metadata = new List<string>();
        if (MetadataRules.Language(options.Language) is { } badLanguage) metadata.Add($"language: {badLanguage}");
        metadata.AddRange(options.Authors.Select(MetadataRules.Author).OfType<string>().Distinct().Select(p => $"author: {p}"));
        if (options.Title is { } givenTitle && MetadataRules.Title(givenTitle) is { } badTitle) metadata.Add($"title: {badTitle}");
        if (options.Encoding is { } encodingName && MetadataRules.Encoding(encodingName) is { } badEncoding) metadata.Add($"encoding: {badEncoding}");
        if (metadata.Count > 0) throw new BuildInputException(string.Join('\n', metadata) + " (--language, --author, --title, or [book] in book.toml)");
    }
}
