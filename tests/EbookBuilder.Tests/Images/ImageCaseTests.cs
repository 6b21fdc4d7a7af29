using System.Text.Json;
using EbookBuilder.Pipeline;
using EbookBuilder.Tests.Support;
using SkiaSharp;

namespace EbookBuilder.Tests.Images;

/// <summary>What the book and the report contain for each image case the test server serves.</summary>
public sealed class ImageCaseTests(ImageCaseBook book) : IClassFixture<ImageCaseBook>
{
    private string? Reason(string name) => book.Cold.ImageFailures.FirstOrDefault(f => f.Location == book.Url(name))?.Reason;

    private (string MediaType, byte[] Bytes, int Width, int Height) Asset(string name)
    {
        var asset = book.Cold.Images.Find(book.Url(name));
        Assert.True(asset is not null, $"{name} is not in the book: {Reason(name)}");
        return (asset.MediaType, asset.ReadBytes(), asset.Width, asset.Height);
    }

    private static SKImageInfo Decoded(byte[] bytes)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes));
        return codec.Info;
    }

    [Fact]
    public void Jpeg_and_png_within_the_target_pass_through_untouched()
    {
        Assert.Equal(File.ReadAllBytes(TestPaths.Fixture("images", "photo.jpg")), Asset("photo.jpg").Bytes);
        Assert.Equal(File.ReadAllBytes(TestPaths.Fixture("images", "logo.png")), Asset("logo.png").Bytes);
        Assert.Equal("image/gif", Asset("anim.gif").MediaType);
    }

    [Fact]
    public void Webp_and_bmp_become_jpeg()
    {
        Assert.Equal("image/jpeg", Asset("photo.webp").MediaType);
        Assert.Equal((400, 300), (Decoded(Asset("photo.webp").Bytes).Width, Decoded(Asset("photo.webp").Bytes).Height));
        Assert.Equal("image/jpeg", Asset("photo.bmp").MediaType);
    }

    [Fact]
    public void Cmyk_jpeg_is_converted_to_rgb()
    {
        var (mediaType, bytes, _, _) = Asset("cmyk.jpg");
        Assert.Equal("image/jpeg", mediaType);
        Assert.NotEqual(File.ReadAllBytes(TestPaths.Fixture("images", "cmyk.jpg")), bytes);
        Assert.Equal(3, EbookBuilder.Images.Converting.JpegFacts.ComponentCount(bytes));
    }

    [Fact]
    public void Exif_orientation_is_applied()
    {
        var (_, bytes, width, height) = Asset("rotated.jpg");
        Assert.Equal((200, 300), (width, height)); // stored 300x200, orientation 6
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes));
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        Assert.Equal((200, 300), (codec.Info.Width, codec.Info.Height));
    }

    [Fact]
    public void Oversized_image_is_scaled_to_the_long_edge_limit()
    {
        var (_, bytes, width, height) = Asset("large.jpg");
        Assert.Equal((1600, 1067), (width, height));
        Assert.Equal(1600, Decoded(bytes).Width);
    }

    [Fact]
    public void Content_type_is_ignored_the_bytes_decide()
    {
        Assert.Equal("image/png", Asset("wrong-type.jpg").MediaType);
    }

    [Fact]
    public void Svg_is_kept_without_scripts_handlers_or_external_references()
    {
        var (mediaType, bytes, _, _) = Asset("drawing.svg");
        Assert.Equal("image/svg+xml", mediaType);
        var svg = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("script", svg);
        Assert.DoesNotContain("onclick", svg);
        Assert.DoesNotContain("tracker.example.org", svg);
        Assert.Contains("<rect", svg);
    }

    [Fact]
    public void Server_errors_and_429_are_retried_until_they_succeed()
    {
        Assert.Null(Reason("flaky.jpg"));
        Assert.Null(Reason("busy.jpg"));
    }

    [Fact]
    public void A_404_fails()
    {
        Assert.StartsWith("HTTP 404", Reason("missing.jpg"));
    }

    [Theory]
    [InlineData("slow.jpg", "timed out")]
    [InlineData("truncated.jpg", "cut short")]
    [InlineData("huge.jpg", "byte limit")]
    [InlineData("huge-stream.jpg", "stopped reading")]
    [InlineData("loop.jpg", "not followed")]
    [InlineData("to-file.jpg", "not followed")]
    [InlineData("corrupt.jpg", "not an image")]
    [InlineData("bomb.png", "pixel limit")]
    public void Failures_are_reported_with_their_reason(string name, string reason)
    {
        var why = Reason(name);
        Assert.NotNull(why);
        Assert.Contains(reason, why);
    }

    [Fact]
    public void Failed_figures_keep_their_caption_with_a_note_and_the_build_goes_on()
    {
        var epub = new EpubContents(book.Cold.Outputs[0].Path);
        var page = epub.Article(0, 0);
        Assert.Contains("说明：missing.jpg<span class=\"note\">（图片未能收录）</span>", page);
        Assert.Contains("missing.jpg 之后的段落。", page);
        Assert.Contains(book.Cold.Diagnostics, d => d.Code == "IMG002" && d.Message.Contains("missing.jpg") && d.Where!.Value.Line > 0);
    }

    [Fact]
    public void Identical_images_are_stored_once()
    {
        var epub = new EpubContents(book.Cold.Outputs[0].Path);
        Assert.Equal(Asset("photo.jpg").Bytes, Asset("same-photo.jpg").Bytes);
        var photoName = book.Cold.Images.Find(book.Url("photo.jpg"))!.Name;
        Assert.Single(epub.Names, n => n.EndsWith(photoName));
        // photo, same-photo, and flaky and busy, which end up serving the same photo.
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(epub.Article(0, 0), photoName).Count);
    }

    [SkippableFact]
    public void Book_with_images_passes_epubcheck()
    {
        EpubCheck.AssertValid(book.Cold.Outputs[0].Path);
    }

    [Fact]
    public void Report_counts_images_captions_and_failures()
    {
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.json");
        BuildReport.From(book.Cold).Save(path);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        File.Delete(path);
        var images = json.RootElement.GetProperty("images");
        Assert.Equal(ImageCaseBook.Cases.Length, images.GetProperty("found").GetInt32());
        Assert.True(9 == images.GetProperty("failed").GetInt32(), string.Join("\n", book.Cold.ImageFailures));
        Assert.Equal(ImageCaseBook.Cases.Length - 9, images.GetProperty("embedded").GetInt32());
        Assert.True(images.GetProperty("bytesIn").GetInt64() > 0);
        var failure = images.GetProperty("failures").EnumerateArray().Single(f => f.GetProperty("url").GetString()!.EndsWith("missing.jpg"));
        Assert.EndsWith("images.html", failure.GetProperty("articles")[0].GetString());
        Assert.Equal(ImageCaseBook.Cases.Length, json.RootElement.GetProperty("captions").GetProperty("found").GetInt32());
    }

    [Fact]
    public void A_rebuild_makes_no_requests_for_images_it_already_has()
    {
        // Every image that was fetched the first time comes from the cache: not one request for it.
        var fetched = ImageCaseBook.Cases.Where(c => book.Cold.Images.Find(book.Url(c)) is not null || c is "bomb.png" or "corrupt.jpg").ToList();
        Assert.Equal(ImageCaseBook.Cases.Length - 7, fetched.Count);
        Assert.All(fetched, c => Assert.Equal(book.HitsAfterCold["/" + c], book.Server.Hits("/" + c)));
        Assert.Equal(fetched.Count, book.Warm.Images.Statistics.FromCache);
        Assert.Equal(0, book.Warm.Images.Statistics.Downloaded);
        // Only what failed to download is asked for again.
        Assert.True(book.RequestsAfterWarm > book.RequestsAfterCold);
        Assert.Equal(book.Cold.Images.Assets.Select(a => a.Name), book.Warm.Images.Assets.Select(a => a.Name));
        // Images whose conversion is cached are found by URL: their downloads are not even read
        // back (only those that failed to convert, the bomb and the corrupt one, are read again).
        Assert.InRange(book.Warm.Images.Statistics.BytesIn, 1, book.Cold.Images.Statistics.BytesIn / 2);
    }

    [SkippableFact]
    public void Offline_with_an_empty_cache_makes_no_requests_and_still_builds_a_valid_book()
    {
        Assert.Equal(book.RequestsAfterWarm, book.RequestsAfterOffline);
        Assert.Equal(ImageCaseBook.Cases.Length, book.Offline.ImageFailures.Count);
        Assert.All(book.Offline.ImageFailures, f => Assert.Contains("offline", f.Reason));
        EpubCheck.AssertValid(book.Offline.Outputs[0].Path);
    }
}
