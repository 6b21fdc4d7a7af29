namespace EbookBuilder.Pipeline;

/// <summary>
/// One source of settings: its values by key (book.toml's names: <c>page-size</c>, <c>body-size</c>,
/// <c>margin-top-mm</c>, <c>image-max</c>, <c>grayscale</c>…) and what to call it in messages and the
/// report ("defaults", "profile kobo", "book.toml", "command line"). The command line and the
/// book.toml reader only make layers; <see cref="BuildSettings.Resolve"/> decides.
/// </summary>
public sealed record SettingsLayer(string From, IReadOnlyDictionary<string, object> Values)
{
    /// <summary>A layer with nothing in it.</summary>
    public static SettingsLayer Empty(string from) => new(from, new Dictionary<string, object>());
}
