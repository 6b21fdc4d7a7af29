using System.Collections;
using System.CommandLine;
using EbookBuilder.Delivery;

namespace EbookBuilder.Cli;

/// <summary>
/// <c>ebook send FILE… [--to ADDRESS]</c>: mails books (to a Send-to-Kindle address, or any) by
/// SMTP, one message per file; settings in <c>~/.config/ebookbuilder/send.toml</c> and the
/// environment (<see cref="SendSettings"/>).
/// </summary>
internal static class SendCommand
{
    private static readonly Argument<string[]> Files = new("files") { Description = "The books to send (EPUB, PDF…)", Arity = ArgumentArity.OneOrMore };

    private static readonly Option<string?> To = new("--to") { Description = "The address to send to (default: to in send.toml, or EBOOK_SEND_TO)" };

    private static readonly Option<string?> Subject = new("--subject") { Description = "The messages' subject (default: each file's name)" };

    private static readonly Option<string?> Config = new("--config") { Description = "The settings file (default $XDG_CONFIG_HOME/ebookbuilder/send.toml)" };

    private static IDictionary Environment => System.Environment.GetEnvironmentVariables();

    public static Command Create()
    {
        var command = new Command("send", "Mail books by SMTP (Send to Kindle, or any address), one message per file") { Files, To, Subject, Config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var environment = Environment;
                var given = parse.GetValue(Config);
                var settings = SendSettings.Load(given is null ? SendSettings.DefaultPath(environment) : Path.GetFullPath(given), environment, pathGiven: given is not null);
                var to = parse.GetValue(To) ?? settings.To
                    ?? throw new DeliveryException("no address to send to: give --to ADDRESS (your Send-to-Kindle address, for example), or to in send.toml, or EBOOK_SEND_TO");
                var files = (parse.GetValue(Files) ?? []).Select(Path.GetFullPath).ToList();
                foreach (var file in await MailSender.SendAsync(settings, files, to, environment, parse.GetValue(Subject), cancellationToken))
                    stdout.WriteLine($"sent {file} to {to}");
                return ExitCodes.Success;
            }
            catch (DeliveryException e)
            {
                stderr.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("cancelled; the files not listed as sent were not sent");
                return ExitCodes.Cancelled;
            }
        });
        return command;
    }
}
