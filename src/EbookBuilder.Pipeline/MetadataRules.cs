using System.Text.RegularExpressions;

namespace EbookBuilder.Pipeline;

/// <summary>
/// What the book's metadata must be before any work is done: an EPUB whose dc:language is not a
/// well-formed BCP 47 tag, or whose dc:creator is empty, fails epubcheck and some readers. Each
/// rule gives what is wrong and what to write instead, or null.
/// </summary>
public static partial class MetadataRules
{
    /// <summary>The longest title kept: more is a mistake (a whole paragraph pasted), not a title.</summary>
    public const int MaxTitleLength = 500;

    /// <summary>
    /// A well-formed language tag (RFC 5646 section 2.1: language, script, region, variants,
    /// extensions, private use; or a private-use tag alone). Grandfathered tags such as i-klingon
    /// are not accepted: no book is written in them.
    /// </summary>
    [GeneratedRegex(@"^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*(?:-x(?:-[a-z0-9]{1,8})+)?|x(?:-[a-z0-9]{1,8})+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    /// <summary>Why <paramref name="language"/> cannot be the book's language, or null.</summary>
    public static string? Language(string language) =>
        LanguageTag().IsMatch(language) ? null
        : $"'{language}' is not a BCP 47 language tag; write one such as zh-CN, zh-Hant-TW, zh-HK or en"
          + (language.Contains('_') ? " (with hyphens, not underscores)" : "");

    /// <summary>Why <paramref name="name"/> cannot be the articles' encoding, or null.</summary>
    public static string? Encoding(string name) =>
        EbookBuilder.Ingest.ArticleReader.EncodingNamed(name) is not null ? null
        : $"'{name}' is not an encoding this program reads; give one such as big5, big5-hkscs, gb18030, gbk, utf-8 or shift_jis";

    /// <summary>Why <paramref name="author"/> cannot be an author, or null.</summary>
    public static string? Author(string author) =>
        string.IsNullOrWhiteSpace(author) ? "an author is empty; give a name, or leave the author out"
        : author.Any(char.IsControl) ? $"the author '{Printable(author)}' holds control characters; give a plain name"
        : null;

    /// <summary>Why <paramref name="title"/> cannot be the book's title, or null.</summary>
    public static string? Title(string title) =>
        string.IsNullOrWhiteSpace(title) ? "the title is empty; give one, or leave it out to take the chapter's"
        : title.Length > MaxTitleLength ? $"the title is {title.Length} characters long; give one of at most {MaxTitleLength}"
        : title.Any(c => char.IsControl(c)) ? $"the title '{Printable(title)}' holds control characters (a line break?); give it on one line"
        : null;

    private static string Printable(string text) => new(text.Take(60).Select(c => char.IsControl(c) ? '\u2423' : c).ToArray());
}
