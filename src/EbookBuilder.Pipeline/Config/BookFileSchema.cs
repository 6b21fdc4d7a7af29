namespace EbookBuilder.Pipeline.Config;

/// <summary>
/// The sections and keys a book.toml may hold, with the type of each value. Keys are kebab-case;
/// in [images], [fonts], [pdf] and [output] they are the command-line options' names.
/// </summary>
public static class BookFileSchema
{
    /// <summary>The type a value must have.</summary>
    public enum Kind
    {
        /// <summary>A string.</summary>
        Text,
        /// <summary>A string or an array of strings.</summary>
        TextList,
        /// <summary>A whole number, 0 or more.</summary>
        Integer,
        /// <summary>An integer or a float.</summary>
        Number,
        /// <summary>true or false.</summary>
        Boolean,
        /// <summary>A TOML local date (2020-09-14) or a string in that form.</summary>
        Date,
    }

    /// <summary>One section: its keys, and whether it is an array of tables ([[chapter]]).</summary>
    public sealed record SectionSchema(IReadOnlyDictionary<string, Kind> Keys, bool IsArray = false);

    /// <summary>The PDF theme's settings that [pdf] may override, by key (the JSON name of styles/pdf-theme.json in kebab-case).</summary>
    public static readonly IReadOnlyDictionary<string, Kind> ThemeKeys = new Dictionary<string, Kind>(StringComparer.Ordinal)
    {
        ["margin-top-mm"] = Kind.Number, ["margin-bottom-mm"] = Kind.Number, ["margin-inside-mm"] = Kind.Number, ["margin-outside-mm"] = Kind.Number,
        ["body-size"] = Kind.Number, ["line-height"] = Kind.Number, ["paragraph-spacing-em"] = Kind.Number, ["first-line-indent-em"] = Kind.Number,
        ["article-title-size"] = Kind.Number, ["chapter-title-size"] = Kind.Number, ["heading-size"] = Kind.Number, ["caption-size"] = Kind.Number,
        ["meta-size"] = Kind.Number, ["header-footer-size"] = Kind.Number, ["figure-max-height-ratio"] = Kind.Number, ["image-dpi"] = Kind.Number,
        ["text-color"] = Kind.Text, ["meta-color"] = Kind.Text, ["rule-color"] = Kind.Text, ["link-color"] = Kind.Text,
    };

    /// <summary>Every section, by name.</summary>
    public static readonly IReadOnlyDictionary<string, SectionSchema> Sections = new Dictionary<string, SectionSchema>(StringComparer.Ordinal)
    {
        ["book"] = new(new Dictionary<string, Kind>(StringComparer.Ordinal)
        {
            ["title"] = Kind.Text, ["subtitle"] = Kind.Text, ["author"] = Kind.TextList, ["authors"] = Kind.TextList,
            ["publisher"] = Kind.Text, ["language"] = Kind.Text, ["date"] = Kind.Date, ["description"] = Kind.Text,
            ["cover"] = Kind.Text, ["identifier"] = Kind.Text, ["root"] = Kind.Text, ["encoding"] = Kind.Text,
            ["series"] = Kind.Text, ["series-index"] = Kind.Number, ["script"] = Kind.Text, ["quotes"] = Kind.Text, ["vertical"] = Kind.Boolean,
        }),
        ["chapter"] = new(new Dictionary<string, Kind>(StringComparer.Ordinal)
        {
            ["title"] = Kind.Text, ["sources"] = Kind.TextList, ["order"] = Kind.Text, ["limit"] = Kind.Integer,
            ["since"] = Kind.Date, ["until"] = Kind.Date,
        }, IsArray: true),
        ["output"] = new(new Dictionary<string, Kind>(StringComparer.Ordinal)
        {
            ["formats"] = Kind.TextList, ["name"] = Kind.Text, ["folder"] = Kind.Text, ["page-size"] = Kind.Text,
            ["profile"] = Kind.Text, ["no-cover"] = Kind.Boolean, ["since"] = Kind.Date, ["until"] = Kind.Date, ["report"] = Kind.Text,
            ["undated"] = Kind.Text, ["split"] = Kind.Text,
        }),
        ["images"] = new(new Dictionary<string, Kind>(StringComparer.Ordinal)
        {
            ["image-max"] = Kind.Text, ["grayscale"] = Kind.Boolean, ["image-concurrency"] = Kind.Integer, ["cache-dir"] = Kind.Text,
            ["offline"] = Kind.Boolean, ["no-images"] = Kind.Boolean, ["strict"] = Kind.Boolean,
        }),
        ["fonts"] = new(new Dictionary<string, Kind>(StringComparer.Ordinal)
        {
            ["font"] = Kind.Text, ["no-fonts"] = Kind.Boolean, ["obfuscate-fonts"] = Kind.Boolean,
        }),
        ["pdf"] = new(new Dictionary<string, Kind>(ThemeKeys, StringComparer.Ordinal) { ["page-size"] = Kind.Text, ["imposition"] = Kind.Text, ["signature"] = Kind.Integer, ["bleed"] = Kind.Text, ["columns"] = Kind.Integer, ["column-titles"] = Kind.Text }),
        ["clean"] = new(new Dictionary<string, Kind>(StringComparer.Ordinal)
        {
            ["remove"] = Kind.TextList, ["keep"] = Kind.TextList, ["drop-lines"] = Kind.TextList, ["keep-lines"] = Kind.TextList,
        }),
    };

    /// <summary>What a value of <paramref name="kind"/> looks like, for messages.</summary>
    public static string Describe(Kind kind) => kind switch
    {
        Kind.Text => "a string (in quotes)",
        Kind.TextList => "a string or an array of strings",
        Kind.Integer => "a whole number",
        Kind.Number => "a number",
        Kind.Boolean => "true or false",
        Kind.Date => "a date such as 2020-09-14",
        _ => kind.ToString(),
    };

    /// <summary>The known key closest to a misspelt one (at most two edits away), for "did you mean".</summary>
    public static string? Nearest(string key, IEnumerable<string> known) => EbookBuilder.Model.Text.EditDistance.Nearest(key, known, 2);
}
