using EbookBuilder.Tests.Support;
using MimeKit;
using netDumbster.smtp;

namespace EbookBuilder.Tests.Cli;

/// <summary>
/// <c>ebook send</c> against a real SMTP server started by the test (netDumbster, on 127.0.0.1 and a
/// free port): the message arrives with the book attached, byte for byte; sizes are checked before
/// any connection; passwords are never read from a file.
/// </summary>
public sealed class SendTests
{
    private static int FreePort() => ImageServer.FreePort();

    private static string Settings(TempFolder temp, int port, string extra = "") =>
        temp.Write("send.toml", $"[smtp]\nhost = \"127.0.0.1\"\nport = {port}\ntls = \"none\"\nfrom = \"me@example.org\"\n{extra}");

    [Fact]
    public void A_book_arrives_at_the_server_as_the_one_attachment_of_its_message()
    {
        using var temp = new TempFolder();
        var book = temp.File("周刊.epub");
        var bytes = new byte[300_000];
        new Random(5).NextBytes(bytes);
        File.WriteAllBytes(book, bytes);
        var port = FreePort();
        using var server = SimpleSmtpServer.Start(port);
        var (code, stdout, stderr) = CliRun.Invoke("send", book, "--to", "reader@kindle.example", "--config", Settings(temp, port));
        Assert.True(code == 0, stderr);
        Assert.Contains($"sent {book} to reader@kindle.example", stdout);
        var received = Assert.Single(server.ReceivedEmail);
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received.Data)));
        Assert.Equal("reader@kindle.example", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("me@example.org", Assert.Single(message.From.Mailboxes).Address);
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("周刊.epub", attachment.FileName);
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        Assert.Equal(bytes, content.ToArray());
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_the_server_is_contacted()
    {
        using var temp = new TempFolder();
        var book = temp.File("big.epub");
        File.WriteAllBytes(book, new byte[2_000_001]);
        var port = FreePort();
        using var server = SimpleSmtpServer.Start(port);
        var (code, _, stderr) = CliRun.Invoke("send", book, "--to", "reader@kindle.example", "--config", Settings(temp, port, "max-mb = 2\n"));
        Assert.Equal(1, code);
        Assert.Contains("big.epub is 2.0 MB, over the 2 MB", stderr);
        Assert.Equal(0, server.ReceivedEmailCount);
    }

    [Fact]
    public void Settings_errors_say_where_and_what_to_do()
    {
        using var temp = new TempFolder();
        var book = temp.Write("b.epub", "x");
        var port = FreePort();
        var (code, _, stderr) = CliRun.Invoke("send", book, "--to", "a@b.example", "--config", Settings(temp, port, "password = \"secret\"\n"));
        Assert.Equal(1, code);
        Assert.Contains("send.toml:6: a password is never kept in a file", stderr);
        (code, _, stderr) = CliRun.Invoke("send", book, "--to", "a@b.example", "--config", Settings(temp, port, "hots = \"x\"\n"));
        Assert.Contains("send.toml:6: unknown key 'hots'", stderr);
        // Nothing listens on the port: the error names host and port.
        (code, _, stderr) = CliRun.Invoke("send", book, "--to", "a@b.example", "--config", Settings(temp, port));
        Assert.Equal(1, code);
        Assert.Contains($"cannot reach 127.0.0.1:{port}", stderr);
        (code, _, stderr) = CliRun.Invoke("send", book, "--config", Settings(temp, port));
        Assert.Contains("give --to ADDRESS", stderr);
    }
}
