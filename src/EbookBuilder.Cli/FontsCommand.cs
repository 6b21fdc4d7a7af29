using System.CommandLine;
using EbookBuilder.Fonts;

namespace EbookBuilder.Cli;

/// <summary><c>ebook fonts</c>: the CJK fonts EbookBuilder can use on this machine.</summary>
internal static class FontsCommand
{
    public static Command Create()
    {
        var command = new Command("fonts", "List the CJK-capable fonts found on this machine and bundled with EbookBuilder");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var bundled = FontCatalog.Bundled(Path.Combine(AppContext.BaseDirectory, "fonts"));
            var installed = FontCatalog.InstalledCjk();
            output.WriteLine("source\tfamily\tstyle\tglyphs\toutline\tfile");
            foreach (var (source, face) in bundled.Select(f => ("bundled", f)).Concat(installed.Select(f => ("installed", f))))
            {
                var file = face.Index > 0 ? $"{face.Path}#{face.Index}" : face.Path;
                output.WriteLine($"{source}\t{face.Family}\t{face.Style}\t{face.GlyphCount}\t{face.Outline}\t{file}");
                face.Dispose();
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
