using System.Collections;
using System.Diagnostics;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace EbookBuilder.Delivery;

/// <summary>
/// Sends books by SMTP (MailKit), one message per file, each the file as its one attachment: what
/// Send to Kindle and other mail-in readers take. Every file's size is checked before the server is
/// contacted.
/// </summary>
public static class MailSender
{
    /// <summary>Sends each of <paramref name="files"/> to <paramref name="to"/>; returns what was sent.</summary>
    public static async Task<IReadOnlyList<string>> SendAsync(SendSettings settings, IReadOnlyList<string> files, string to, IDictionary environment,
        string? subject = null, CancellationToken cancellationToken = default)
    {
        if (settings.Host is null)
            throw new DeliveryException("no SMTP server: set host in ~/.config/ebookbuilder/send.toml or EBOOK_SMTP_HOST (for example smtp.gmail.com)");
        var from = settings.From ?? settings.User
            ?? throw new DeliveryException("no sender: set from in send.toml or EBOOK_SMTP_FROM (Send to Kindle takes books only from approved addresses)");
        if (!MailboxAddress.TryParse(to, out var recipient)) throw new DeliveryException($"'{to}' is not an e-mail address");
        if (!MailboxAddress.TryParse(from, out var sender)) throw new DeliveryException($"the sender '{from}' is not an e-mail address");
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw new DeliveryException($"{file} does not exist");
            var size = new FileInfo(file).Length;
            if (size > settings.MaxBytes)
                throw new DeliveryException($"{file} is {size / 1e6:0.0} MB, over the {settings.MaxBytes / 1e6:0} MB a message may carry (Send to Kindle's limit): build it in parts (fewer chapters, or --since/--until), or raise max-mb for another service");
        }

        using var client = new SmtpClient();
        var port = settings.Port ?? settings.Tls switch { TlsMode.Ssl => 465, TlsMode.None => 25, _ => 587 };
        var security = settings.Tls switch
        {
            TlsMode.Ssl => SecureSocketOptions.SslOnConnect,
            TlsMode.StartTls => SecureSocketOptions.StartTls,
            TlsMode.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.Auto,
        };
        try
        {
            await client.ConnectAsync(settings.Host, port, security, cancellationToken).ConfigureAwait(false);
            if (settings.User is { } user) await client.AuthenticateAsync(user, Password(settings, environment), cancellationToken).ConfigureAwait(false);
            var sent = new List<string>();
            foreach (var file in files)
            {
                var message = new MimeMessage();
                message.From.Add(sender);
                message.To.Add(recipient);
                message.Subject = subject ?? Path.GetFileNameWithoutExtension(file);
                var body = new BodyBuilder { TextBody = $"{Path.GetFileName(file)}, sent by EbookBuilder." };
                await body.Attachments.AddAsync(file, cancellationToken).ConfigureAwait(false);
                message.Body = body.ToMessageBody();
                await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                sent.Add(file);
            }
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
            return sent;
        }
        catch (AuthenticationException e)
        {
            throw new DeliveryException($"{settings.Host} refused the login of {settings.User} ({e.Message.TrimEnd('.')}): check the user and EBOOK_SMTP_PASSWORD (Gmail and Outlook want an app password)", e);
        }
        catch (SslHandshakeException e)
        {
            throw new DeliveryException($"TLS with {settings.Host}:{port} failed ({e.Message.Split('\n')[0].TrimEnd('.')}): check tls (ssl for port 465, starttls for 587) and the server's certificate", e);
        }
        catch (SocketException e)
        {
            throw new DeliveryException($"cannot reach {settings.Host}:{port} ({e.Message.TrimEnd('.')}): check host and port, and the network", e);
        }
        catch (NotSupportedException e) when (settings.Tls == TlsMode.StartTls)
        {
            throw new DeliveryException($"{settings.Host}:{port} does not offer STARTTLS ({e.Message.TrimEnd('.')}): set tls = \"ssl\" for port 465, or \"auto\"", e);
        }
        catch (SmtpCommandException e)
        {
            throw new DeliveryException($"{settings.Host} refused the message ({e.StatusCode}: {e.Message.TrimEnd('.')})", e);
        }
        catch (ProtocolException e)
        {
            throw new DeliveryException($"{settings.Host}:{port} does not speak SMTP as expected ({e.Message.TrimEnd('.')}): check host, port and tls", e);
        }
    }

    /// <summary>The password: EBOOK_SMTP_PASSWORD, else what password-command prints.</summary>
    private static string Password(SendSettings settings, IDictionary environment)
    {
        if (environment["EBOOK_SMTP_PASSWORD"] is string { Length: > 0 } password) return password;
        if (settings.PasswordCommand is not { } command)
            throw new DeliveryException($"a user is set ({settings.User}) but no password: give it in EBOOK_SMTP_PASSWORD, or password-command in send.toml");
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new DeliveryException($"password-command '{command}' could not be started");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new DeliveryException($"password-command '{command}' failed (exit {process.ExitCode}): {error.Trim()}");
        return output.TrimEnd('\r', '\n');
    }
}
