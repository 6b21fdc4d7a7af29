using EbookBuilder.Fonts;
using EbookBuilder.Images;

namespace EbookBuilder.Pipeline;

/// <summary>Everything one build is asked to do.</summary>
public sealed record BuildOptions
{
    /// <summary>Article files, folders and index files; each makes a chapter (or several, for a folder of folders).</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>The chapters of a book file; when given, they are the book and <see cref="Inputs"/> is not used.</summary>
    public IReadOnlyList<EbookBuilder.Assembly.ChapterSpec>? Chapters { get; init; }

    /// <summary>The folder local references must stay in (a book file's folder or its root); by default the inputs' common folder.</summary>
    public string? BookRoot { get; init; }

    /// <summary>The book's subtitle.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The series the book is an issue of (a weekly digest): EPUB collection, calibre series, title page and cover.</summary>
    public string? Series { get; init; }

    /// <summary>The book's number in its series (the issue).</summary>
    public double? SeriesIndex { get; init; }

    /// <summary>The book's publisher.</summary>
    public string? Publisher { get; init; }

    /// <summary>The book's description.</summary>
    public string? Description { get; init; }

    /// <summary>The book's identifier; by default one derived from its content.</summary>
    public string? Identifier { get; init; }

    /// <summary>The book's date (of the issue); by default the newest article's.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>A cover image (file or http(s) URL) to use instead of the drawn cover.</summary>
    public string? CoverImage { get; init; }

    /// <summary>The encoding every article is in (big5, gb18030…); null to tell it from each file's bytes.</summary>
    public string? Encoding { get; init; }

    /// <summary>Extra cleaning rules (selectors, boilerplate patterns).</summary>
    public EbookBuilder.Ingest.CleanRules Clean { get; init; } = EbookBuilder.Ingest.CleanRules.None;

    /// <summary>
    /// The layers of settings over the defaults, in the order they override (a device profile's, a
    /// book file's, the command line's); the build resolves them once (<see cref="BuildSettings"/>).
    /// The defaults are the theme file's and <see cref="Images"/>' own.
    /// </summary>
    public IReadOnlyList<SettingsLayer> Settings { get; init; } = [];

    /// <summary>The folder the books are written to.</summary>
    public string OutputDirectory { get; init; } = "dist";

    /// <summary>The output file name without extension; by default the title.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// With one book per chapter (<c>--split chapter</c>): build only the book of this name, as
    /// <see cref="BookCompiler.Plan"/> lists it (a job of a matrix); null builds them all.
    /// </summary>
    public string? OnlyBook { get; init; }

    /// <summary>The formats to write.</summary>
    public OutputFormats Formats { get; init; } = OutputFormats.Epub;

    /// <summary>The book's title; by default the chapter's title for a one-chapter book.</summary>
    public string? Title { get; init; }

    /// <summary>The book's authors.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The book's language as a BCP 47 tag.</summary>
    public string Language { get; init; } = "zh-CN";

    /// <summary>The folder holding epub.css and the PDF theme.</summary>
    public required string StylesDirectory { get; init; }

    /// <summary>How images are fetched, cached and converted.</summary>
    public ImageOptions Images { get; init; } = new();

    /// <summary>Whether to fetch images at all; without, figures keep their captions and a note.</summary>
    public bool FetchImages { get; init; } = true;

    /// <summary>The fonts to embed; null embeds none (readers use their own).</summary>
    public FontOptions? Fonts { get; init; }

    /// <summary>Apply the IDPF font obfuscation to the fonts embedded in the EPUB.</summary>
    public bool ObfuscateFonts { get; init; }


    /// <summary>Keep only articles dated on or after this day (undated articles are kept and reported).</summary>
    public DateOnly? Since { get; init; }

    /// <summary>Keep only articles dated on or before this day.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>With a date range, leave out the articles that have no date (by default they are kept, with a warning).</summary>
    public bool DropUndated { get; init; }

    /// <summary>Draw a cover for the EPUB (title, dates, chapters) in the book's font.</summary>
    public bool GenerateCover { get; init; } = true;


    /// <summary>Any image that cannot be put in the book stops the build.</summary>
    public bool Strict { get; init; }

    /// <summary>The build time to record, for reproducible builds (SOURCE_DATE_EPOCH); by default taken from the inputs.</summary>
    public DateTimeOffset? Timestamp { get; init; }
}
