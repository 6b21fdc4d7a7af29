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
    [InlineData("http://192.0.2.11:8808/gb/", "http://192.0.2.11:8808/gb/")]
    [InlineData("http://xn--fiq228c.example.com/a", "http://xn--fiq228c.example.com/a")]
    [InlineData("http://a-b.c1.example.com/", "http://a-b.c1.example.com/")]
    // An internationalised host is written as punycode (a PDF's /URI is ASCII: it was "http://??.??/")
    [InlineData("http://例子.测试/路径", "http://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84")]
    [InlineData("https://中文.example.com/", "https://xn--fiq228c.example.com/")]
    public void Addresses_are_made_valid(string input, string expected) => Assert.Equal(expected, WebAddress.Normalize(input));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://fww.\uFFFDpochtimes.com/gb/x.htm")]
    [InlineData("../relative/page.html")]
    [InlineData("")]
    [InlineData(null)]
    // Hosts a browser (WHATWG URL) cannot parse, which epubcheck reports as RSC-023: a last label
    // of digits is read as an IPv4 address, and these are not one.
    [InlineData("http://1w2.0.2.11/gb/")]
    [InlineData("http://example.123/")]
    [InlineData("http://256.1.1.1/")]
    [InlineData("http://a..b.com/")]
    [InlineData("http://-lead.example.com/")]
    [InlineData("http://trail-.example.com/")]
    public void What_cannot_be_a_link_is_null(string? input) => Assert.Null(WebAddress.Normalize(input));
}
