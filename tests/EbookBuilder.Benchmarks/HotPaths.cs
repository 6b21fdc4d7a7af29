using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EbookBuilder.Fonts;
using EbookBuilder.Images;
using EbookBuilder.Ingest;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Diagnostics;
using EbookBuilder.Pdf.Typesetting;

namespace EbookBuilder.Benchmarks;

/// <summary>
/// BenchmarkDotNet over the hot paths: cleaning one article, breaking and justifying a long
/// paragraph, subsetting the bundled font, converting one oversized photo.
/// <c>dotnet run -c Release --project tests/EbookBuilder.Benchmarks -- --micro</c>
/// </summary>
[MemoryDiagnoser]
public class HotPaths
{
    private string _article = "";
    private FontFile? _font;
    private List<int> _characters = [];
    private FontSet? _fonts;
    private string _paragraph = "";
    private byte[] _photo = [];

    /// <summary>Runs every benchmark in process (the project builds for one runtime identifier), briefly.</summary>
    public static void Run()
    {
        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance);
        BenchmarkRunner.Run<HotPaths>(DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator));
    }

    [GlobalSetup]
    public void Setup()
    {
        var work = Path.Combine(Path.GetTempPath(), "ebook-micro-" + Guid.NewGuid().ToString("N")[..8]);
        SyntheticCorpus.Write(work, 1, 1);
        _article = File.ReadAllText(Directory.GetFiles(Path.Combine(work, "pages"), "*.md", SearchOption.AllDirectories)[0]);
        Directory.Delete(work, recursive: true);

        var fontPath = Path.Combine(AppContext.BaseDirectory, "fonts", "LXGWWenKai-Regular.ttf");
        _font = FontFile.Open(fontPath) ?? throw new InvalidOperationException($"cannot open {fontPath}");
        _characters = Enumerable.Range(0x4E00, 0x9FFF - 0x4E00).Where(_font.Covers).Where((_, i) => i % 6 == 0).Take(3000).ToList();

        _paragraph = string.Concat(Enumerable.Range(0, 12).Select(i => SyntheticCorpus.Sentence(new Random(i), 60, 160)));
        var chars = (_paragraph + " 0123456789.").EnumerateRunes().Select(r => r.Value).Where(_font.Covers).ToHashSet();
        _fonts = new FontSet(new FontBag([new FontAsset(0, 400, "f.ttf", FontSubsetter.Subset(_font, chars), "font/ttf", _font.Family, fontPath, chars, 0, 0)], []));

        _photo = SyntheticCorpus.Picture(7, 2400, 1600);
    }

    [Benchmark(Description = "clean one mirror article")]
    public int Clean() => ArticleReader.ReadText(_article, "a.md", new DiagnosticBag()).Blocks.Count;

    [Benchmark(Description = "break and justify a 1,300-character paragraph (A5)")]
    public int BreakLines() =>
        new TextLayout([new TextSpan(_paragraph)], new TextStyle(10.5f, new EbookBuilder.Pdf.Drawing.Color(0, 0, 0), 1.75f, 21f, TextAlign.Justify), 31 * 10.5f, _fonts!).Lines.Count; // the A5 text area: 31 characters

    [Benchmark(Description = "subset the bundled font to 3,000 characters")]
    public int Subset() => FontSubsetter.Subset(_font!, _characters).Length;

    [Benchmark(Description = "convert a 2400x1600 JPEG to 1600 px")]
    public int Convert() => EbookBuilder.Images.Converting.ImageConverter.Prepare(_photo, new ImageOptions()).Bytes.Length;

    [GlobalCleanup]
    public void Cleanup()
    {
        _fonts?.Dispose();
        _font?.Dispose();
    }
}
