using System.Collections;
using System.Globalization;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace EbookBuilder.Delivery;

/// <summary>
/// Where and how <c>ebook send</c> delivers: from <c>$XDG_CONFIG_HOME/ebookbuilder/send.toml</c>
/// (<c>~/.config/…</c>), then the environment (<c>EBOOK_SMTP_HOST</c>, <c>_PORT</c>, <c>_TLS</c>,
/// <c>_USER</c>, <c>_FROM</c>, <c>EBOOK_SEND_TO</c>), which wins. The password is never in a file:
/// it comes from <c>EBOOK_SMTP_PASSWORD</c> or from the command <c>password-command</c> names
/// (<c>pass show mail/smtp</c>, a keyring tool), run when it is needed.
/// </summary>
public sealed record SendSettings
{
    public string? Host { get; init; }

    public int? Port { get; init; }

    public TlsMode Tls { get; init; } = TlsMode.Auto;

    public string? User { get; init; }

    public string? From { get; init; }

    /// <summary>The address books go to when <c>--to</c> is not given (a Send-to-Kindle address).</summary>
    public string? To { get; init; }

    public string? PasswordCommand { get; init; }

    /// <summary>The largest file sent, in bytes (Send to Kindle refuses more than 50 MB).</summary>
    public long MaxBytes { get; init; } = 50L * 1000 * 1000;

    /// <summary>Where the settings file is by default.</summary>
    public static string DefaultPath(IDictionary environment)
    {
        var config = environment["XDG_CONFIG_HOME"] as string;
        if (string.IsNullOrEmpty(config)) config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(config, "ebookbuilder", "send.toml");
    }

    /// <summary>The settings of <paramref name="path"/> (when it exists), then of the environment.</summary>
    public static SendSettings Load(string path, IDictionary environment, bool pathGiven = false)
    {
        var settings = new SendSettings();
        if (File.Exists(path)) settings = FromFile(path);
        else if (pathGiven) throw new DeliveryException($"the settings file {path} does not exist");
        string? Env(string name) => environment[name] is string { Length: > 0 } value ? value : null;
        if (Env("EBOOK_SMTP_HOST") is { } host) settings = settings with { Host = host };
        if (Env("EBOOK_SMTP_PORT") is { } port)
        {
            settings = settings with { Port = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536 ? p
                : throw new DeliveryException($"EBOOK_SMTP_PORT '{port}' is not a port number (1 to 65535)") };
        }
        if (Env("EBOOK_SMTP_TLS") is { } tls) settings = settings with { Tls = ParseTls(tls, "EBOOK_SMTP_TLS") };
        if (Env("EBOOK_SMTP_USER") is { } user) settings = settings with { User = user };
        if (Env("EBOOK_SMTP_FROM") is { } from) settings = settings with { From = from };
        if (Env("EBOOK_SEND_TO") is { } to) settings = settings with { To = to };
        return settings;
    }

    /// <summary>
    /// The file's [smtp] section (or its keys at the top), read from Tomlyn's syntax tree as
    /// book.toml is (no reflection: the program is compiled ahead of time), each error with its line.
    /// </summary>
    private static SendSettings FromFile(string path)
    {
        var document = SyntaxParser.Parse(File.ReadAllText(path), path, true);
        if (document.Diagnostics.FirstOrDefault(d => d.Kind == DiagnosticMessageKind.Error) is { } syntax)
            throw new DeliveryException($"{path}:{syntax.Span.Start.Line + 1}: {syntax.Message}");
        var values = document.KeyValues.Concat(document.Tables.Where(t => t.Name?.ToString().Trim() == "smtp").SelectMany(t => t.Items));
        var settings = new SendSettings();
        foreach (var pair in values)
        {
            var key = pair.Key?.ToString().Trim() ?? "";
            var at = $"{path}:{pair.Span.Start.Line + 1}";
            string Text() => pair.Value is StringValueSyntax { Value: { } text } ? text : throw new DeliveryException($"{at}: {key} must be a string");
            long Number() => pair.Value is IntegerValueSyntax i ? i.Value : throw new DeliveryException($"{at}: {key} must be a whole number");
            settings = key switch
            {
                "host" => settings with { Host = Text() },
                "port" => settings with { Port = Number() is var port and > 0 and < 65536 ? (int)port : throw new DeliveryException($"{at}: port must be from 1 to 65535") },
                "tls" => settings with { Tls = ParseTls(Text(), $"{at}: tls") },
                "user" => settings with { User = Text() },
                "from" => settings with { From = Text() },
                "to" => settings with { To = Text() },
                "password-command" => settings with { PasswordCommand = Text() },
                "max-mb" => settings with { MaxBytes = Number() is var mb and > 0 ? mb * 1000 * 1000 : throw new DeliveryException($"{at}: max-mb must be 1 or more") },
                "password" => throw new DeliveryException($"{at}: a password is never kept in a file; give it in EBOOK_SMTP_PASSWORD, or name a command that prints it with password-command"),
                _ => throw new DeliveryException($"{at}: unknown key '{key}'; the keys are host, port, tls, user, from, to, password-command, max-mb"),
            };
        }
        return settings;
    }

    private static TlsMode ParseTls(string text, string where) => text.ToLowerInvariant() switch
    {
        "auto" => TlsMode.Auto,
        "ssl" or "tls" or "smtps" => TlsMode.Ssl,
        "starttls" => TlsMode.StartTls,
        "none" or "off" => TlsMode.None,
        _ => throw new DeliveryException($"{where} '{text}' is not one of auto, ssl, starttls, none"),
    };
}
