using System.Globalization;
using System.Text.RegularExpressions;
using EbookBuilder.Assembly;
using EbookBuilder.Assembly.Scripts;
using EbookBuilder.Ingest;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Model.Document;
using EbookBuilder.Model.Text;

namespace EbookBuilder.Pipeline.Config;

/// <summary>
/// A checked book.toml: what the book is, its chapters, and the settings of each stage. Paths are
/// absolute (relative ones are taken from the file's folder). A setting the file does not give is
/// null, so the command line and the defaults decide it.
/// </summary>
public sealed record BookFile
{
    /// <summary>A value with the line it stands on.</summary>
    public sealed record Value(object Data, int Line);

    /// <summary>The checked values of one section.</summary>
    public sealed record Section(IReadOnlyDictionary<string, Value> Values, int Line);

    /// <summary>The book file's path.</summary>
    public required string Path { get; init; }

    /// <summary>[book] title.</summary>
    public string? Title { get; init; }
    /// <summary>[book] subtitle.</summary>
    public string? Subtitle { get; init; }
    /// <summary>[book] author or authors.</summary>
    public IReadOnlyList<string>? Authors { get; init; }
    /// <summary>[book] publisher.</summary>
    public string? Publisher { get; init; }

    /// <summary>[book] series: the series the book is an issue of.</summary>
    public string? Series { get; init; }

    /// <summary>[book] series-index: its number in the series.</summary>
    public double? SeriesIndex { get; init; }
    /// <summary>[book] language (BCP 47).</summary>
    public string? Language { get; init; }
    /// <summary>[book] date of the issue.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>[book] description.</summary>
    public string? Description { get; init; }
    /// <summary>[book] cover: an image file (absolute) or an http(s) URL.</summary>
    public string? Cover { get; init; }
    /// <summary>The folder the book may read from: [book] root, else the book file's folder.</summary>
    public required string Root { get; init; }
    /// <summary>[book] encoding of the articles (big5, gb18030…), when it cannot be told from their bytes.</summary>
    public string? Encoding { get; init; }
    /// <summary>[book] identifier (for example urn:uuid:…).</summary>
    public string? Identifier { get; init; }

    /// <summary>The [[chapter]] tables, in order.</summary>
    public IReadOnlyList<ChapterSpec> Chapters { get; init; } = [];

    /// <summary>[output] name of the output files.</summary>
    public string? Name { get; init; }
    /// <summary>[output] folder (absolute).</summary>
    public string? Folder { get; init; }
    /// <summary>[output] profile.</summary>
    public DeviceProfile? Profile { get; init; }
    /// <summary>[output] no-cover.</summary>
    public bool? NoCover { get; init; }
    /// <summary>[output] since: the whole book's date range.</summary>
    public DateOnly? Since { get; init; }
    /// <summary>[output] until.</summary>
    public DateOnly? Until { get; init; }
    /// <summary>[output] undated: keep or drop the articles without a date when a date range is given.</summary>
    public bool? DropUndated { get; init; }
    /// <summary>[output] report (absolute).</summary>
    public string? Report { get; init; }

    /// <summary>[images] image-concurrency.</summary>
    public int? ImageConcurrency { get; init; }
    /// <summary>[images] cache-dir (absolute).</summary>
    public string? CacheDir { get; init; }
    /// <summary>[images] offline.</summary>
    public bool? Offline { get; init; }
    /// <summary>[images] no-images.</summary>
    public bool? NoImages { get; init; }
    /// <summary>[images] strict.</summary>
    public bool? Strict { get; init; }


    /// <summary>
    /// The file's layer of settings ("book.toml"): [output]/[pdf] page-size, the [pdf] theme keys,
    /// [images] image-max and grayscale, by book.toml's names; resolved over the profile's and under
    /// the command line's by <see cref="BuildSettings"/>.
    /// </summary>
    public SettingsLayer Settings { get; init; } = SettingsLayer.Empty(LayerName);

    /// <summary>The name of a book file's layer of settings.</summary>
    public const string LayerName = "book.toml";

    /// <summary>[clean] rules.</summary>
    public CleanRules Clean { get; init; } = CleanRules.None;

    /// <summary>The largest number a [pdf] setting takes (points, millimetres, ratios): more is a typing error, and nan or inf would reach the layout.</summary>
    private const double MaxThemeValue = 2400;

    private static readonly Regex ImageMaxPattern = new(@"^\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex ColorPattern = new("^#[0-9a-fA-F]{6}$", RegexOptions.CultureInvariant);

    /// <summary>WIDTHxHEIGHT in pixels, or null.</summary>
    public static (int Width, int Height)? ParseImageMax(string text)
    {
        var m = ImageMaxPattern.Match(text);
        return m.Success ? (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>The chapter order named in a book file, or null.</summary>
    public static ChapterOrder? ParseOrder(string text) => text switch
    {
        "index" => ChapterOrder.Index,
        "date" => ChapterOrder.Date,
        "date-desc" => ChapterOrder.DateDesc,
        "name" => ChapterOrder.Name,
        "title" => ChapterOrder.Title,
        _ => null,
    };

    /// <summary>Builds the typed book file from checked sections; values that do not fit (an order, a profile…) are errors with their lines.</summary>
    internal static BookFile From(string path, IReadOnlyDictionary<string, Section> sections, IReadOnlyList<Section> chapters)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        var errors = new List<string>();
        Section Get(string name) => sections.GetValueOrDefault(name) ?? new Section(new Dictionary<string, Value>(), 0);
        T? Opt<T>(Section s, string key) where T : class => s.Values.TryGetValue(key, out var v) ? (T)v.Data : null;
        T? Val<T>(Section s, string key) where T : struct => s.Values.TryGetValue(key, out var v) ? (T)v.Data : null;
        string? PathOf(Section s, string key) => Opt<string>(s, key) is { } p ? System.IO.Path.GetFullPath(p, folder) : null;
        void Error(Section s, string key, string message) => errors.Add($"{path}:{s.Values[key].Line}: {message}");
        bool? Fail(Section s, string key, string message)
        {
            Error(s, key, message);
            return null;
        }

        var book = Get("book");
        var output = Get("output");
        var images = Get("images");
        var fonts = Get("fonts");
        var pdf = Get("pdf");
        var clean = Get("clean");

        var root = PathOf(book, "root") ?? folder;
        // A file the book file names is read only inside the book's folder, where it really leads (EB014).
        string? Confined(Section s, string key, string what, string? given = null)
        {
            given ??= Opt<string>(s, key)!;
            var check = BookFolder.Check(root, System.IO.Path.GetFullPath(given, folder));
            if (check.Allowed) return check.Real;
            Error(s, key, check.Outside
                ? $"{DiagnosticCodes.OutsideBook}: {what} '{given}' {check.Refusal}; move it into {root}, or set root in [book] to allow a wider folder"
                : $"{what} '{given}' {check.Refusal} (paths are relative to {folder})");
            return null;
        }

        // Outputs a book file names stay in its folder: a book file from elsewhere must not write over
        // the user's files (the command line may name any path: the user typed it).
        string? Output(string key)
        {
            if (PathOf(output, key) is not { } target) return null;
            if (RealPath.IsInside(RealPath.Of(folder), RealPath.Of(target))) return target;
            Error(output, key, $"{DiagnosticCodes.OutsideBook}: {key} '{Opt<string>(output, key)}' leads outside the book file's folder {folder}; "
                + $"a book file writes only inside its folder. Give the path on the command line ({(key == "report" ? "--report" : "-o")}) to write elsewhere");
            return null;
        }
        var outputFolder = Output("folder");
        var report = Output("report");

        var authors = (Opt<string[]>(book, "authors") ?? []).Concat(Opt<string[]>(book, "author") ?? []).ToList();
        foreach (var key in new[] { "author", "authors" })
        {
            foreach (var problem in (Opt<string[]>(book, key) ?? []).Select(MetadataRules.Author).OfType<string>().Distinct()) Error(book, key, problem);
        }
        if (Opt<string>(book, "language") is { } language && MetadataRules.Language(language) is { } badLanguage) Error(book, "language", badLanguage);
        if (Opt<string>(book, "script") is { } script && ChineseScripts.Parse(script) is null)
            Error(book, "script", $"script '{script}' is not one of {string.Join(", ", ChineseScripts.Names)}{EditDistance.DidYouMean(script, ChineseScripts.Names)}");
        if (Opt<string>(book, "quotes") is { } quotes && QuoteStyles.Parse(quotes) is null)
            Error(book, "quotes", $"quotes '{quotes}' is not one of {string.Join(", ", QuoteStyles.Names)}{EditDistance.DidYouMean(quotes, QuoteStyles.Names)}");
        if (Opt<string>(book, "title") is { } title && MetadataRules.Title(title) is { } badTitle) Error(book, "title", badTitle);
        if (Opt<string>(book, "encoding") is { } encodingName && MetadataRules.Encoding(encodingName) is { } badEncoding) Error(book, "encoding", badEncoding);
        var cover = Opt<string>(book, "cover");
        if (cover is not null && !cover.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !cover.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            cover = Confined(book, "cover", "the cover image");

        var specs = new List<ChapterSpec>();
        foreach (var chapter in chapters)
        {
            var sources = Opt<string[]>(chapter, "sources");
            if (sources is null || sources.Length == 0)
            {
                errors.Add($"{path}:{chapter.Line}: this [[chapter]] has no sources; add sources = [\"folder\", \"index.md\", \"pages/*.md\"]");
                continue;
            }
            var order = ChapterOrder.Index;
            if (Opt<string>(chapter, "order") is { } orderText)
            {
                if (ParseOrder(orderText) is { } parsed) order = parsed;
                else Error(chapter, "order", $"order '{orderText}' is not one of index, date, date-desc, name, title");
            }
            var since = Val<DateOnly>(chapter, "since");
            var until = Val<DateOnly>(chapter, "until");
            if (since > until) Error(chapter, "since", $"since {since:yyyy-MM-dd} is after until {until:yyyy-MM-dd}");
            var limit = Val<int>(chapter, "limit");
            if (limit == 0) Error(chapter, "limit", "limit must be 1 or more (leave it out to keep every article)");
            specs.Add(new ChapterSpec(Opt<string>(chapter, "title"), sources.Select(s => System.IO.Path.GetFullPath(s, folder)).ToList(),
                new SourceSpan(path, chapter.Line), order, limit, since, until));
        }

        if (Val<double>(book, "series-index") is { } seriesIndex)
        {
            if (Opt<string>(book, "series") is null) Error(book, "series-index", "series-index numbers the book in a series: add series = \"…\" too");
            if (seriesIndex < 0) Error(book, "series-index", $"series-index {seriesIndex} is negative: give the issue's number, 0 or more");
        }
        OutputFormats? formats = null;
        if (Opt<string[]>(output, "formats") is { } formatNames)
        {
            formats = OutputFormats.None;
            foreach (var f in formatNames)
            {
                if (OutputFormatNames.Parse(f) is { } parsed) formats |= parsed;
                else Error(output, "formats", $"format '{f}' is not one of {string.Join(", ", OutputFormatNames.Names)}{OutputFormatNames.Hint(f)}");
            }
        }
        DeviceProfile? profile = null;
        if (Opt<string>(output, "profile") is { } profileName && (profile = DeviceProfile.Find(profileName)) is null)
            Error(output, "profile", DeviceProfile.Unknown(profileName));
        var pageSize = Opt<string>(output, "page-size");
        if (Opt<string>(pdf, "page-size") is { } pdfPageSize)
        {
            if (pageSize is not null && pageSize != pdfPageSize) Error(pdf, "page-size", "page-size is given in [output] and in [pdf] with different values; keep one");
            pageSize = pdfPageSize;
        }
        if (pageSize is not null)
        {
            try { EbookBuilder.Pdf.PdfTheme.PageSizePoints(pageSize); }
            catch (ArgumentException e) { Error(pdf.Values.ContainsKey("page-size") ? pdf : output, "page-size", e.Message); }
        }
        var (bookSince, bookUntil) = (Val<DateOnly>(output, "since"), Val<DateOnly>(output, "until"));
        bool? dropUndated = Opt<string>(output, "undated") switch
        {
            null => null,
            "keep" => false,
            "drop" => true,
            var other => Fail(output, "undated", $"undated '{other}' is not keep or drop"),
        };
        if (bookSince > bookUntil) Error(output, "since", $"since {bookSince:yyyy-MM-dd} is after until {bookUntil:yyyy-MM-dd}");

        (int, int)? imageMax = null;
        if (Opt<string>(images, "image-max") is { } max && (imageMax = ParseImageMax(max)) is null)
            Error(images, "image-max", $"image-max '{max}' is not WIDTHxHEIGHT in pixels, for example \"1200x1600\"");
        var concurrency = Val<int>(images, "image-concurrency");
        if (concurrency is < 1 or > 64) Error(images, "image-concurrency", "image-concurrency must be from 1 to 64");

        var font = Opt<string>(fonts, "font");
        if (font is not null && (font.Contains('/') || font.Contains('\\') || System.IO.Path.HasExtension(font.Split('#')[0])))
        {
            // A file, not a family name; "file.ttc#2" names a face of a collection.
            var hash = font.LastIndexOf('#');
            var (fontPath, face) = hash > 0 ? (font[..hash], font[hash..]) : (font, "");
            font = Confined(fonts, "font", "the font file", fontPath) is { } real ? real + face : null;
        }

        var theme = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in pdf.Values)
        {
            if (!BookFileSchema.ThemeKeys.ContainsKey(key)) continue;
            if (value.Data is string color && !ColorPattern.IsMatch(color)) Error(pdf, key, $"{key} '{color}' is not a colour such as \"#222222\"");
            else if (value.Data is double number && !(number is > 0 and <= MaxThemeValue)) Error(pdf, key, $"{key} must be a number more than 0 and at most {MaxThemeValue} (not {number.ToString(CultureInfo.InvariantCulture)})");
            theme[key] = value.Data;
        }

        if (pageSize is not null) theme["page-size"] = pageSize;
        if (imageMax is { } givenMax) theme["image-max"] = givenMax;
        if (Val<bool>(images, "grayscale") is { } grayscale) theme["grayscale"] = grayscale;
        if (formats is { } givenFormats) theme["formats"] = givenFormats;
        if (Opt<string>(output, "split") is { } split) theme["split"] = split;
        if (Opt<string>(pdf, "imposition") is { } imposition) theme["imposition"] = imposition;
        if (Val<int>(pdf, "signature") is { } signature) theme["signature"] = signature;
        if (Opt<string>(pdf, "bleed") is { } bleed) theme["bleed"] = bleed;
        if (Val<int>(pdf, "columns") is { } columns) theme["columns"] = columns;
        if (Opt<string>(pdf, "column-titles") is { } columnTitles) theme["column-titles"] = columnTitles;
        if (font is not null) theme["font"] = font;
        foreach (var key in new[] { "language", "script", "quotes" })
            if (Opt<string>(book, key) is { } value) theme[key] = value;
        if (Val<bool>(book, "vertical") is { } vertical) theme["vertical"] = vertical;
        if (Val<bool>(fonts, "no-fonts") is { } noFonts) theme["no-fonts"] = noFonts;
        if (Val<bool>(fonts, "obfuscate-fonts") is { } obfuscate) theme["obfuscate-fonts"] = obfuscate;

        var rules = CleanRules.None;
        if (clean.Values.Count > 0)
        {
            var (created, problems) = CleanRules.Create(Opt<string[]>(clean, "remove") ?? [], Opt<string[]>(clean, "keep") ?? [], Opt<string[]>(clean, "drop-lines") ?? [],
                Opt<string[]>(clean, "keep-lines") ?? []);
            foreach (var problem in problems) errors.Add($"{path}:{clean.Line}: [clean] {problem}");
            rules = created ?? CleanRules.None;
        }

        if (errors.Count > 0)
        {
            throw new BuildInputException((errors.Count == 1 ? "the book file is not right:\n" : $"the book file has {errors.Count} problems:\n")
                + string.Join('\n', errors.Select(e => "  " + e)));
        }
        return new BookFile
        {
            Path = path,
            Root = root,
            Title = Opt<string>(book, "title"),
            Subtitle = Opt<string>(book, "subtitle"),
            Authors = authors.Count > 0 ? authors : null,
            Publisher = Opt<string>(book, "publisher"),
            Series = Opt<string>(book, "series"),
            SeriesIndex = Val<double>(book, "series-index"),
            Language = Opt<string>(book, "language"),
            Date = Val<DateOnly>(book, "date"),
            Description = Opt<string>(book, "description"),
            Cover = cover,
            Identifier = Opt<string>(book, "identifier"),
            Encoding = Opt<string>(book, "encoding"),
            Chapters = specs,
            Name = Opt<string>(output, "name"),
            Folder = outputFolder,
            Profile = profile,
            NoCover = Val<bool>(output, "no-cover"),
            Since = bookSince,
            Until = bookUntil,
            Report = report,
            DropUndated = dropUndated,
            ImageConcurrency = concurrency,
            CacheDir = PathOf(images, "cache-dir"),
            Offline = Val<bool>(images, "offline"),
            NoImages = Val<bool>(images, "no-images"),
            Strict = Val<bool>(images, "strict"),
            Settings = new SettingsLayer(LayerName, theme),
            Clean = rules,
        };
    }
}
