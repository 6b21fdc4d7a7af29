using EbookBuilder.Images;
using EbookBuilder.Images.Converting;
using EbookBuilder.Tests.Support;

namespace EbookBuilder.Tests.Images;

/// <summary>Pixel memory kept from one conversion for the next, within its bounds.</summary>
public sealed class PixelPoolTests
{
    private const long MB = 1024 * 1024;

    [Fact]
    public void A_returned_block_is_rented_again_for_what_it_fits()
    {
        using var pool = new PixelPool(keep: 2, largest: 32 * MB);
        var first = pool.Rent(8 * MB);
        var address = first.Pointer;
        first.Dispose();
        using var again = pool.Rent(7 * MB);
        Assert.Equal(address, again.Pointer);
        Assert.Equal(1, pool.Allocations);
    }

    [Fact]
    public void A_block_too_small_is_not_rented_and_a_new_one_is_made()
    {
        using var pool = new PixelPool(keep: 2, largest: 32 * MB);
        pool.Rent(1 * MB).Dispose();
        using var large = pool.Rent(2 * MB);
        Assert.True(large.Capacity >= 2 * MB);
        Assert.Equal(2, pool.Allocations);
    }

    [Fact]
    public void The_smallest_fitting_block_is_rented()
    {
        using var pool = new PixelPool(keep: 2, largest: 32 * MB);
        var big = pool.Rent(8 * MB);
        var small = pool.Rent(2 * MB);
        var smallAddress = small.Pointer;
        big.Dispose();
        small.Dispose();
        using var again = pool.Rent(1 * MB);
        Assert.Equal(smallAddress, again.Pointer);
    }

    [Fact]
    public void No_more_than_keep_blocks_are_kept_and_none_larger_than_largest()
    {
        using var pool = new PixelPool(keep: 2, largest: 4 * MB);
        var blocks = new[] { pool.Rent(1 * MB), pool.Rent(1 * MB), pool.Rent(1 * MB), pool.Rent(8 * MB) };
        foreach (var block in blocks) block.Dispose();
        Assert.Equal(4, pool.Allocations);
        var again = new[] { pool.Rent(1 * MB), pool.Rent(1 * MB), pool.Rent(1 * MB), pool.Rent(8 * MB) };
        Assert.Equal(4 + 2, pool.Allocations); // two of the small ones were kept; the third and the large one were freed
        foreach (var block in again) block.Dispose();
    }

    [Fact]
    public void When_full_a_larger_block_takes_the_place_of_the_smallest()
    {
        using var pool = new PixelPool(keep: 1, largest: 32 * MB);
        var small = pool.Rent(1 * MB);
        var large = pool.Rent(8 * MB);
        var largeAddress = large.Pointer;
        small.Dispose();
        large.Dispose();
        using var again = pool.Rent(1 * MB);
        Assert.Equal(largeAddress, again.Pointer);
    }

    [Fact]
    public void A_block_disposed_twice_is_returned_once()
    {
        using var pool = new PixelPool(keep: 2, largest: 32 * MB);
        var block = pool.Rent(1 * MB);
        block.Dispose();
        block.Dispose();
        using var one = pool.Rent(1 * MB);
        using var two = pool.Rent(1 * MB);
        Assert.NotEqual(one.Pointer, two.Pointer);
        Assert.Equal(2, pool.Allocations);
    }

    [Fact]
    public void After_the_pool_is_disposed_nothing_is_kept()
    {
        var pool = new PixelPool(keep: 2, largest: 32 * MB);
        var late = pool.Rent(1 * MB);
        pool.Rent(1 * MB).Dispose();
        pool.Dispose();
        late.Dispose();
        using var again = pool.Rent(1 * MB);
        Assert.Equal(3, pool.Allocations);
        Assert.Throws<ObjectDisposedException>(() => late.Pointer);
    }

    [Fact]
    public void Conversions_in_a_row_reuse_their_buffers_and_give_the_same_bytes_as_without_a_pool()
    {
        // large.jpg is scaled (decoded and drawn: two buffers); photo.webp and photo.bmp are re-encoded at their size.
        var options = new ImageOptions { MaxWidth = 400, MaxHeight = 400 };
        using var pool = new PixelPool(keep: 2, largest: 32 * MB);
        foreach (var name in new[] { "large.jpg", "photo.webp", "photo.bmp", "cmyk.jpg", "rotated.jpg", "logo.png" })
        {
            var source = File.ReadAllBytes(TestPaths.Fixture("images", name));
            var alone = ImageConverter.Prepare(source, options);
            for (var i = 0; i < 3; i++) Assert.Equal(alone.Bytes, ImageConverter.Prepare(source, options, pool).Bytes);
        }
        var large = File.ReadAllBytes(TestPaths.Fixture("images", "large.jpg"));
        var before = pool.Allocations;
        for (var i = 0; i < 5; i++) ImageConverter.Prepare(large, options, pool);
        Assert.Equal(before, pool.Allocations);
        Assert.InRange(pool.Allocations, 2, 4);
    }

    [Fact]
    public void Grayscale_and_transparency_are_kept_through_pooled_buffers()
    {
        using var pool = new PixelPool(keep: 2, largest: 32 * MB);
        var gray = ImageConverter.Prepare(File.ReadAllBytes(TestPaths.Fixture("images", "photo.webp")), new ImageOptions { Grayscale = true }, pool);
        Assert.Equal(ImageConverter.Prepare(File.ReadAllBytes(TestPaths.Fixture("images", "photo.webp")), new ImageOptions { Grayscale = true }).Bytes, gray.Bytes);
        var logo = ImageConverter.Prepare(File.ReadAllBytes(TestPaths.Fixture("images", "logo.png")), new ImageOptions { MaxWidth = 8, MaxHeight = 8 }, pool);
        Assert.Equal("image/png", logo.MediaType);
    }
}
