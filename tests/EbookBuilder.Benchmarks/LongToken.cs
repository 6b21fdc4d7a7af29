using System.Diagnostics;
using EbookBuilder.Fonts;
using EbookBuilder.Model.Assets;
using EbookBuilder.Pdf.Layout;
using EbookBuilder.Pdf.Typesetting;

namespace EbookBuilder.Benchmarks;

/// <summary>
/// Line breaking of one unbreakable token (a base64 line, a URL run wild) of 100 KB to 1 MB at
/// the A5 measure: the time grows with the length, not its square (a 200,000-character word took
/// 19.5 s before the token was set in pieces).
/// </summary>
internal static class LongToken
{
    public static void Run()
    {
        var fontPath = Path.Combine(AppContext.BaseDirectory, "fonts", "LXGWWenKai-Regular.ttf");
        using var font = FontFile.Open(fontPath) ?? throw new InvalidOperationException($"cannot open {fontPath}");
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var chars = (alphabet + " ").Select(c => (int)c).ToHashSet();
        using var fonts = new FontSet(new FontBag([new FontAsset(0, 400, "f.ttf", FontSubsetter.Subset(font, chars), "font/ttf", font.Family, fontPath, chars, 0, 0)], []));
        var style = new TextStyle(10.5f, new EbookBuilder.Pdf.Drawing.Color(0, 0, 0), 1.75f, 21f, TextAlign.Justify);
        Console.WriteLine("| token characters | lines | ms | ms per 100,000 characters |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var length in new[] { 100_000, 200_000, 400_000, 1_000_000 })
        {
            var random = new Random(length);
            var token = string.Create(length, random, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = alphabet[r.Next(alphabet.Length)]; });
            var clock = Stopwatch.StartNew();
            var layout = new TextLayout([new TextSpan(token)], style, 31 * 10.5f, fonts);
            var canvas = new RecordingCanvas();
            for (var i = 0; i < layout.Lines.Count; i++) layout.DrawLine(canvas, i, 0, 20);
            var ms = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine($"| {length:N0} | {layout.Lines.Count:N0} | {ms:0} | {ms * 100_000 / length:0} |");
        }
    }
}
