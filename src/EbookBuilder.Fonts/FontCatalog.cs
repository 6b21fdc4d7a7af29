using System.Diagnostics;

namespace EbookBuilder.Fonts;

/// <summary>
/// Finds fonts: the bundled ones in fonts/, and the CJK fonts installed on the machine (asked of
/// fontconfig's fc-list, else found by scanning the usual font folders). Faces are opened with
/// HarfBuzz and judged by their real coverage.
/// </summary>
public static class FontCatalog
{
    private static readonly string[] FontFolders = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts", @"C:\Windows\Fonts"];
    private static readonly string[] Extensions = [".ttf", ".otf", ".ttc", ".otc"];

    /// <summary>The faces of the bundled fonts folder.</summary>
    public static IReadOnlyList<FontFile> Bundled(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal).SelectMany(OpenAll).ToList()
            : [];

    /// <summary>The CJK-capable faces installed on the machine.</summary>
    public static IReadOnlyList<FontFile> InstalledCjk()
    {
        var faces = new List<FontFile>();
        foreach (var (file, index) in FontConfigList() ?? ScanFolders())
        {
            var face = FontFile.Open(file, index);
            if (face is null) continue;
            if (face.IsCjk) faces.Add(face);
            else face.Dispose();
        }
        return faces;
    }

    /// <summary>Opens <paramref name="fileOrFamily"/>: a font file ("file.ttc#2" picks a face), or a family name.</summary>
    public static FontFile Find(string fileOrFamily, IReadOnlyList<FontFile> bundled, Func<IReadOnlyList<FontFile>> installed)
    {
        var (path, index) = SplitIndex(fileOrFamily);
        if (File.Exists(path))
        {
            return FontFile.Open(Path.GetFullPath(path), index)
                ?? throw new FontNotFoundException($"'{fileOrFamily}' is not a font file HarfBuzz can read; give a .ttf, .otf or .ttc file");
        }
        bool Matches(FontFile f) => string.Equals(f.Family, fileOrFamily, StringComparison.OrdinalIgnoreCase) && !f.IsBold;
        var match = bundled.FirstOrDefault(Matches) ?? installed().FirstOrDefault(Matches);
        if (match is not null) return FontFile.Open(match.Path, match.Index)!;
        var matched = FontConfigMatch(fileOrFamily);
        if (matched is { } m && FontFile.Open(m.File, m.Index) is { } face && string.Equals(face.Family, fileOrFamily, StringComparison.OrdinalIgnoreCase))
            return face;
        throw new FontNotFoundException($"no font file or installed font family '{fileOrFamily}'; `ebook fonts` lists the CJK fonts on this machine");
    }

    private static (string Path, int Index) SplitIndex(string spec)
    {
        var hash = spec.LastIndexOf('#');
        return hash > 0 && int.TryParse(spec[(hash + 1)..], out var index) ? (spec[..hash], index) : (spec, 0);
    }

    private static IEnumerable<FontFile> OpenAll(string file)
    {
        for (var index = 0; index < 64; index++)
        {
            var face = FontFile.Open(file, index);
            if (face is null) yield break;
            yield return face;
            if (!file.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".otc", StringComparison.OrdinalIgnoreCase)) yield break;
        }
    }

    private static List<(string, int)>? FontConfigList()
    {
        var output = Run("fc-list", ":lang=zh", "--format=%{file}\t%{index}\n");
        if (output is null) return null;
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2 && int.TryParse(parts[1], out _))
            .Select(parts => (parts[0], int.Parse(parts[1])))
            .Distinct().OrderBy(x => x.Item1, StringComparer.Ordinal).ThenBy(x => x.Item2).ToList();
    }

    private static (string File, int Index)? FontConfigMatch(string family)
    {
        var output = Run("fc-match", $"{family}:lang=zh", "--format=%{file}\t%{index}");
        var parts = output?.Split('\t');
        return parts is { Length: 2 } && int.TryParse(parts[1], out var index) ? (parts[0], index) : null;
    }

    private static IEnumerable<(string, int)> ScanFolders() =>
        FontFolders.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, 0));

    private static string? Run(string program, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(10_000);
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no fontconfig on this machine
        }
    }
}
