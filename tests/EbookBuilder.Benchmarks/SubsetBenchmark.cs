using System.Diagnostics;
using EbookBuilder.Fonts;

namespace EbookBuilder.Benchmarks;

/// <summary>How long HarfBuzz takes to subset the bundled font to 3,000 common characters.</summary>
internal static class SubsetBenchmark
{
    public static void Run(string fontPath)
    {
        using var font = FontFile.Open(fontPath) ?? throw new InvalidOperationException($"cannot open {fontPath}");
        var characters = Enumerable.Range(0x4E00, 0x9FFF - 0x4E00).Where(font.Covers).Where((_, i) => i % 6 == 0).Take(3000).ToList();
        FontSubsetter.Subset(font, characters); // warm up
        var times = new List<double>();
        byte[] subset = [];
        for (var i = 0; i < 10; i++)
        {
            var clock = Stopwatch.StartNew();
            subset = FontSubsetter.Subset(font, characters);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"subset {Path.GetFileName(fontPath)} to {characters.Count} characters: median {times[times.Count / 2]:0.0} ms, " +
                          $"best {times[0]:0.0} ms, {subset.Length / 1024} KB");
    }
}
