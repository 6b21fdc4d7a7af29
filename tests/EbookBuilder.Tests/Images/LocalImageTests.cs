using EbookBuilder.Images;
using EbookBuilder.Tests.Support;
using SkiaSharp;

namespace EbookBuilder.Tests.Images;

/// <summary>Images from the article's folder, data: URIs, picture sources, and the cache's own safety.</summary>
public sealed class LocalImageTests
{
    private static readonly string Logo = Convert.ToBase64String(File.ReadAllBytes(TestPaths.Fixture("images", "logo.png")));

    private static (EbookBuilder.Pipeline.BuildResult Result, string Page) Build(TempFolder temp, string body, ImageOptions? options = null, bool strict = false)
    {
        var folder = Path.Combine(temp.Path, "book", "chapter");
        Directory.CreateDirectory(folder);
        File.Copy(TestPaths.Fixture("local-images", "book", "chapter", "photo.jpg"), Path.Combine(folder, "photo.jpg"), true);
        File.Copy(TestPaths.Fixture("local-images", "secret.png"), Path.Combine(temp.Path, "secret.png"), true);
        File.WriteAllText(Path.Combine(folder, "a.html"), $"<html><body><article><h1>本地图片</h1>{body}<p>正文。</p></article></body></html>");
        var result = TestBuild.Run(temp, [folder], images: options ?? new ImageOptions { CacheDirectory = Path.Combine(temp.Path, "cache") }, strict: strict);
        return (result, new EpubContents(result.Outputs[0].Path).Article(0, 0));
    }

    [Fact]
    public void A_relative_image_is_read_from_the_article_folder()
    {
        using var temp = new TempFolder();
        var (result, page) = Build(temp, "<figure><img src='photo.jpg'/><figcaption>本地照片</figcaption></figure>");
        Assert.Empty(result.ImageFailures);
        Assert.Contains("<img src=\"../images/img-", page);
    }

    [Fact]
    public void A_path_that_leaves_the_book_folder_is_refused()
    {
        using var temp = new TempFolder();
        var (result, page) = Build(temp, "<img src='../../secret.png' alt='x'/><img src='/etc/passwd'/><img src='file:///etc/hostname'/>");
        Assert.Equal(3, result.ImageFailures.Count);
        Assert.All(result.ImageFailures, f => Assert.StartsWith("refused", f.Reason));
        Assert.DoesNotContain("<img", page);
    }

    [Fact]
    public void Data_uri_and_the_best_picture_source_are_used()
    {
        using var temp = new TempFolder();
        var (result, page) = Build(temp,
            $"<figure><img src='data:image/png;base64,{Logo}'/><figcaption>内嵌</figcaption></figure>" +
            "<picture><source srcset='small.jpg 200w, photo.jpg 800w'/><img src='missing.jpg' title='一张有标题的照片'/></picture>");
        Assert.Empty(result.ImageFailures);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(page, "<img ").Count);
        Assert.Contains("<figcaption>一张有标题的照片</figcaption>", page); // the title attribute as caption
    }

    [Fact]
    public void Strict_stops_the_build_on_an_image_failure_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "book", "chapter");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.html"), "<html><body><article><h1>标题</h1><img src='nothing-here.jpg'/><p>正文。</p></article></body></html>");
        var e = Assert.Throws<EbookBuilder.Pipeline.BuildInputException>(() =>
            TestBuild.Run(temp, [folder], images: new ImageOptions { CacheDirectory = Path.Combine(temp.Path, "cache") }, strict: true));
        Assert.Contains("nothing-here.jpg", e.Message);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.epub"));
    }

    [Fact]
    public void Grayscale_gives_a_gray_image()
    {
        using var temp = new TempFolder();
        var (result, _) = Build(temp, "<img src='photo.jpg'/>", new ImageOptions { CacheDirectory = Path.Combine(temp.Path, "cache"), Grayscale = true });
        var asset = Assert.Single(result.Images.Assets);
        using var bitmap = SKBitmap.Decode(asset.ReadBytes());
        for (var x = 0; x < bitmap.Width; x += 37)
        {
            var pixel = bitmap.GetPixel(x, bitmap.Height / 2);
            Assert.True(Math.Abs(pixel.Red - pixel.Green) <= 2 && Math.Abs(pixel.Green - pixel.Blue) <= 2, $"pixel {pixel} is not gray");
        }
    }

    [Fact]
    public async Task A_corrupt_cache_entry_is_fetched_again()
    {
        using var server = new ImageServer();
        server.Bytes("/p.jpg", File.ReadAllBytes(TestPaths.Fixture("images", "photo.jpg")));
        using var temp = new TempFolder();
        var options = new ImageOptions { CacheDirectory = temp.Path };
        var first = await ImageStage.RunAsync([server.Url("/p.jpg")], options);
        Assert.Equal(1, server.Hits("/p.jpg"));
        foreach (var blob in Directory.GetFiles(Path.Combine(temp.Path, "blobs"), "*", SearchOption.AllDirectories))
            File.WriteAllBytes(blob, [1, 2, 3]);
        foreach (var prepared in Directory.GetFiles(Path.Combine(temp.Path, "prepared"), "*.bin", SearchOption.AllDirectories))
            File.WriteAllBytes(prepared, [4, 5, 6]);
        var second = await ImageStage.RunAsync([server.Url("/p.jpg")], options);
        Assert.Equal(2, server.Hits("/p.jpg"));
        Assert.Equal(first.Assets[0].ReadBytes(), second.Assets[0].ReadBytes());
    }
}
