using System.CommandLine;
using EbookBuilder.Delivery;
using EbookBuilder.Epub;
using EbookBuilder.Kindle;

namespace EbookBuilder.Cli;

/// <summary>
/// <c>ebook sideload FILE… [--device PATH]</c>: puts built books on the e-readers mounted over USB,
/// each in the format it takes, made from the EPUB when it was not built (<see cref="Sideload"/>).
/// </summary>
internal static class SideloadCommand
{
    private static readonly Argument<string[]> Files = new("files") { Description = "The books (their EPUB, KEPUB, AZW3 or PDF files; the files of one name are one book)", Arity = ArgumentArity.OneOrMore };

    private static readonly Option<string[]> Device = new("--device") { Description = "A reader's mount folder (repeatable); default: every reader found under the mount folders" };

    private static readonly Option<string[]> Mounts = new("--mounts") { Description = "Where readers are mounted (repeatable; default /media/USER, /run/media/USER, /media, /mnt, /Volumes)" };

    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "List the readers found and what would be copied; copy nothing" };

    public static Command Create()
    {
        var command = new Command("sideload", "Copy books onto mounted e-readers: AZW3 to a Kindle, KEPUB to a Kobo, EPUB to others (made from the EPUB when missing)")
        {
            Files, Device, Mounts, DryRun,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var files = (parse.GetValue(Files) ?? []).Select(Path.GetFullPath).ToList();
                var devices = parse.GetValue(Device) ?? [];
                var mounts = parse.GetValue(Mounts) is { Length: > 0 } m ? m.Select(Path.GetFullPath).ToList()
                    : [.. Sideload.DefaultMountRoots(System.Environment.GetEnvironmentVariables())];
                var readers = devices.Length > 0
                    ? devices.Select(d => Sideload.Identify(Path.GetFullPath(d), generic: true)!).ToList()
                    : Sideload.Find(mounts);
                if (readers.Count == 0)
                    throw new DeliveryException($"no e-reader found under {string.Join(", ", mounts)}: connect it by USB (it must be mounted), or give --device PATH");
                foreach (var device in devices.Where(d => !Directory.Exists(d)))
                    throw new DeliveryException($"--device {device}: no such folder; is the reader mounted?");
                foreach (var reader in readers)
                {
                    if (parse.GetValue(DryRun))
                    {
                        stdout.WriteLine($"{reader.Name} at {reader.Root}: books go to {reader.Folder}, as {string.Join(" or ", reader.Formats)}");
                        continue;
                    }
                    foreach (var file in Sideload.Copy(reader, files, Convert, cancellationToken))
                    {
                        var made = file.Converted ? $" (made from {Path.GetFileName(file.Source)})" : "";
                        stdout.WriteLine($"{reader.Name} at {reader.Root}: {Path.GetRelativePath(reader.Root, file.Target)}{made}, {file.Bytes:N0} bytes");
                        if (reader.Kind == ReaderKind.Kindle && file.Format == "azw3" && KindleThumbnail(reader, file.Target) is { } thumbnail)
                            stdout.WriteLine($"{reader.Name} at {reader.Root}: {Path.GetRelativePath(reader.Root, thumbnail)} (the cover in the library)");
                    }
                }
                return Task.FromResult(ExitCodes.Success);
            }
            catch (DeliveryException e)
            {
                stderr.WriteLine($"error: {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }
            catch (Exception e) when (e is InvalidDataException or ICSharpCode.SharpZipLib.SharpZipBaseException or System.Xml.XmlException)
            {
                stderr.WriteLine($"error: a book could not be read as an EPUB ({e.Message}); build it again with ebook build");
                return Task.FromResult(ExitCodes.BadInput);
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("cancelled; the books not listed were not copied, and no half-copied file was left");
                return Task.FromResult(ExitCodes.Cancelled);
            }
        });
        return command;
    }

    /// <summary>
    /// A Kindle shows a sideloaded book's cover from system/thumbnails (its firmware drops the one
    /// in the book): the thumbnail is written there when the folder exists, as calibre does.
    /// </summary>
    private static string? KindleThumbnail(Reader reader, string azw3)
    {
        var folder = Path.Combine(reader.Root, "system", "thumbnails");
        if (!Directory.Exists(folder) || !EbookBuilder.Model.Text.RealPath.IsInside(EbookBuilder.Model.Text.RealPath.Of(reader.Root), EbookBuilder.Model.Text.RealPath.Of(folder))) return null;
        var info = Azw3Info.Read(File.ReadAllBytes(azw3));
        if (info.ThumbnailName is not { } name) return null;
        var target = Path.Combine(folder, name);
        Sideload.WriteAtomically(target, s => s.Write(info.Thumbnail));
        return target;
    }

    /// <summary>Makes the format a reader takes from the book's EPUB.</summary>
    private static void Convert(string epub, string format, Stream output)
    {
        using var input = File.OpenRead(epub);
        if (format == "azw3") Azw3Writer.Write(input, output, new Azw3Options(File.GetLastWriteTimeUtc(epub)));
        else KepubConverter.Convert(input, output);
    }
}
