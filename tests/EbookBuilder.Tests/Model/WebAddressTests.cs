using EbookBuilder.Model.Text;

namespace EbookBuilder.Tests.Model;

public sealed class WebAddressTests
{
    [Theory]
    [InlineData("https://www.example.com/a/b.html?x=1#top", "https://www.example.com/a/b.html?x=1#top")]
    [InlineData("http://bit.ly/遠見]]>評", "http://bit.ly/%E9%81%A0%E8%A6%8B%5D%5D%3E%E8%A9%95")]
    [InlineData("https://example.com/n12]]", "https://example.com/n12%5D%5D")]
    [InlineData("https://example.com/a b\"c{d}", "https://example.com/a%20b%22c%7Bd%7D")]
    [InlineData("mailto:editor@example.com", "mailto:editor@example.com")]
    public void Addresses_are_made_valid(string input, string expected) => Assert.Equal(expected, WebAddress.Normalize(input));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://fww.\uFFFDpochtimes.com/gb/x.htm")]
    [InlineData("../relative/page.html")]
    [InlineData("")]
    [InlineData(null)]
    public void What_cannot_be_a_link_is_null(string? input) => Assert.Null(WebAddress.Normalize(input));
}
