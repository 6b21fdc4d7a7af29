using System.Text;
using SkiaSharp;

namespace EbookBuilder.Benchmarks;

/// <summary>
/// A generated corpus in the news-mirror format: articles of deterministic Chinese text (not the
/// real corpus's sentences), each with one captioned image on the local server; a third of the
/// images are larger than the default target, so conversion is measured too.
/// </summary>
internal static class SyntheticCorpus
{
    private const string Characters = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";
    private const string Punctuation = "，，，，、。。；：";

    public sealed record Image(string Path, byte[] Bytes);

    /// <summary>Writes <paramref name="count"/> articles under <paramref name="folder"/>/pages/catNN and returns the images to serve.</summary>
    public static IReadOnlyList<Image> Write(string folder, int count, int port)
    {
        var random = new Random(20201018);
        var images = new List<Image>();
        for (var i = 0; i < count; i++)
        {
            var category = Path.Combine(folder, "pages", $"cat{i % 10:D2}");
            Directory.CreateDirectory(category);
            var large = i % 3 == 0;
            var imagePath = $"/img/{i:D5}-{(large ? "2400x1600" : "1200x800")}.jpg";
            images.Add(new Image(imagePath, Picture(i, large ? 2400 : 1200, large ? 1600 : 800)));
            var date = new DateOnly(2020, 9, 1).AddDays(i % 60);
            var text = new StringBuilder();
            text.Append($"### {Sentence(random, 8, 18).TrimEnd('，', '。', '、', '；', '：')}\n------------------------\n\n");
            text.Append("#### [首页](https://mirror.example.org/README.md) &nbsp;|&nbsp; [推广](https://mirror.example.org/promo.md)\n\n");
            text.Append($"<div><img alt=\"\" src=\"http://127.0.0.1:{port}{imagePath}\"/>\n<div class=\"caption\">\n {Sentence(random, 12, 30)}（示例图片）\n</div></div><hr/>\n\n");
            text.Append("#### 💥 [推广视频](http://192.0.2.1/video.html)\n\n<div>");
            text.Append($"<p>\n 【示例日报{date.Year}年{date.Month:D2}月{date.Day:D2}日讯】{Sentence(random, 40, 120)}\n</p>\n");
            var paragraphs = random.Next(6, 14);
            for (var p = 0; p < paragraphs; p++)
            {
                text.Append($"<p>\n {Sentence(random, 30, 90)}\n <strong>\n  {Sentence(random, 2, 6)}\n </strong>\n {Sentence(random, 40, 160)}\n</p>\n");
            }
            text.Append("</div>\n<hr/>\n手机上长按并复制下列链接或二维码分享本文章：<br/>\n");
            text.Append($"原文地址（需翻墙访问）：https://news.example.org/{date:yyyy/MM/dd}/{i}.html\n");
            File.WriteAllText(Path.Combine(category, $"{i:D5}.md"), text.ToString());
        }
        return images;
    }

    internal static string Sentence(Random random, int min, int max)
    {
        var length = random.Next(min, max);
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(i > 0 && i % random.Next(6, 16) == 0 ? Punctuation[random.Next(Punctuation.Length)] : Characters[random.Next(Characters.Length)]);
        }
        return sb.Append('。').ToString();
    }

    internal static byte[] Picture(int seed, int width, int height)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 40; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 200);
                canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(20, width / 4), paint);
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
