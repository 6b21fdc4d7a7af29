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

    /// <summary>
    /// Installed faces that may fill characters the book's fonts lack, opened one at a time as the
    /// caller asks for them (the caller disposes each): TrueType outlines only (a CFF face would be
    /// a Type 3 font in the PDF, a colour bitmap face has no outlines), so an emoji comes from a
    /// monochrome face such as Symbola. Faces made for the book's variant of Chinese come first
    /// (zh-CN: SC before TC, HK, JP and KR; zh-TW and zh-HK: TC and HK first), then faces for no
    /// one variant, then the others; by file within each.
    /// </summary>
    public static IEnumerable<FontFile> Fallbacks(string language)
    {
        var entries = FontConfigEntries() ?? ScanFolders().Select(f => (File: f.Item1, Index: f.Item2, Family: "", Style: "", Format: ""));
        foreach (var (file, index, _, _, _) in entries.Where(e => e.Format is not ("CFF" or "Type 1" or "PCF" or "BDF"))
                     .OrderBy(e => VariantRank(e.Family, language)).ThenBy(e => StyleRank(e.Style))
                     .ThenBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Index))
        {
            var face = FontFile.Open(file, index);
            if (face is null) continue;
            if (face.HasTrueTypeOutlines) yield return face;
            else face.Dispose();
        }
    }

    /// <summary>0: a face for the book's variant of Chinese; 1: for no one variant; 2: another Chinese variant; 3: Japanese or Korean.</summary>
    internal static int VariantRank(string family, string language)
    {
        var traditionalBook = EbookBuilder.Model.Text.ChineseVariant.IsTraditional(language);
        var words = family.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries);
        bool Has(params string[] tags) => words.Any(w => tags.Contains(w, StringComparer.OrdinalIgnoreCase));
        var simplified = Has("SC", "CN", "GB", "Hans");
        var traditional = Has("TC", "TW", "HK", "Hant");
        if (Has("JP", "KR", "J", "K")) return 3;
        if (simplified) return traditionalBook ? 2 : 0;
        if (traditional) return traditionalBook ? 0 : 2;
        return 1;
    }

    /// <summary>Body text wants the upright regular face: 0 for it, 1 for a medium or book weight, 2 for any other style.</summary>
    internal static int StyleRank(string style) => style switch
    {
        "" or "Regular" or "Normal" or "Roman" => 0,
        "Book" or "Medium" => 1,
        _ => 2,
    };

    /// <summary>Every installed face fontconfig knows: file, index, first family and style names, font format; null without fontconfig.</summary>
    private static List<(string File, int Index, string Family, string Style, string Format)>? FontConfigEntries()
    {
        var output = Run("fc-list", "--format=%{file}\t%{index}\t%{family[0]}\t%{style[0]}\t%{fontformat}\n");
        if (output is null) return null;
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 5 && int.TryParse(parts[1], out _))
            .Select(parts => (parts[0], int.Parse(parts[1]), parts[2], parts[3], parts[4]))
            .Distinct().ToList();
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
