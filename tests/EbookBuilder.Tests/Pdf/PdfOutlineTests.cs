using EbookBuilder.Pdf;
using EbookBuilder.Tests.Support;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace EbookBuilder.Tests.Pdf;

/// <summary>
/// The update appended to Skia's file: the last pages moved after the first ones through a partial
/// rewrite of Skia's page tree, and bookmarks that open Skia's named destinations. Skia's files of
/// many lengths (its tree has nodes of eight, so these are trees of one to four levels), each page
/// told apart by its width, read back by PdfPig through the update.
/// </summary>
public sealed class PdfOutlineTests
{
    /// <summary>Skia's PDF of <paramref name="pages"/> pages, page i (from 0) 100 + i points wide, with a named destination "p{i}" on each.</summary>
    private static void WriteSkiaFile(Stream output, int pages)
    {
        using (var stream = new SKManagedWStream(output, disposeManagedStream: false))
        using (var document = SKDocument.CreatePdf(stream))
        {
            for (var i = 0; i < pages; i++)
            {
                var canvas = document.BeginPage(100 + i, 200);
                canvas.DrawNamedDestinationAnnotation(new SKPoint(10, 50), $"p{i}")?.Dispose();
                canvas.DrawRect(SKRect.Create(10, 10, 20, 20), new SKPaint { Color = SKColors.Black });
                document.EndPage();
            }
            document.Close();
        }
    }

    [Theory]
    [InlineData(2, 1, 1)]
    [InlineData(3, 1, 1)]
    [InlineData(9, 1, 2)]
    [InlineData(10, 2, 3)]
    [InlineData(17, 1, 8)]
    [InlineData(64, 1, 9)]
    [InlineData(65, 2, 20)]
    [InlineData(100, 1, 1)]
    [InlineData(300, 0, 5)]
    [InlineData(513, 1, 40)]
    [InlineData(520, 3, 200)]
    public void The_last_pages_follow_the_first_and_every_bookmark_opens_its_page(int pages, int front, int moved)
    {
        using var temp = new TempFolder();
        var path = temp.File("book.pdf");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite))
        {
            WriteSkiaFile(file, pages);
            var entries = new[] { 0, pages / 2, pages - 1 }.Distinct()
                .Select(i => new PdfOutline.Entry($"第{i}页", $"p{i}", [new PdfOutline.Entry($"第{i}页下", $"p{i}", [])]))
                .ToList();
            PdfOutline.Append(file, entries, "zh-CN", front, moved);
        }

        // Skia's order is 0 .. pages-1; readers see the first pages, the moved ones, then the rest.
        var expected = Enumerable.Range(0, front)
            .Concat(Enumerable.Range(pages - moved, moved))
            .Concat(Enumerable.Range(front, pages - front - moved))
            .ToList();
        using var document = PdfDocument.Open(path);
        Assert.Equal(pages, document.NumberOfPages);
        var widths = Enumerable.Range(1, pages).Select(n => (int)Math.Round(document.GetPage(n).Width) - 100).ToList();
        Assert.Equal(expected, widths);
        AssertPageTreeIsWellFormed(document);

        Assert.True(document.TryGetBookmarks(out var bookmarks), "no bookmarks");
        var roots = bookmarks.Roots.Cast<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().ToList();
        Assert.Equal(new[] { 0, pages / 2, pages - 1 }.Distinct().Count(), roots.Count);
        foreach (var root in roots)
        {
            var skiaPage = int.Parse(root.Title[1..^1]);
            Assert.Equal(expected.IndexOf(skiaPage) + 1, root.PageNumber);
            var child = Assert.IsType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>(Assert.Single(root.Children));
            Assert.Equal(root.PageNumber, child.PageNumber);
        }
        Assert.Equal("zh-CN", Assert.IsType<StringToken>(document.Structure.Catalog.CatalogDictionary.Data["Lang"]).Data);
    }

    /// <summary>Every node counts the pages under it, and every kid names the node holding it as its /Parent (ISO 32000-1, 7.7.3.2).</summary>
    private static void AssertPageTreeIsWellFormed(PdfDocument document)
    {
        var structure = document.Structure;
        var root = Assert.IsType<IndirectReferenceToken>(structure.Catalog.CatalogDictionary.Data["Pages"]).Data;
        int Leaves(IndirectReference reference, IndirectReference? parent)
        {
            var node = Assert.IsType<DictionaryToken>(structure.GetObject(reference).Data);
            if (parent is { } expected) Assert.Equal(expected, Assert.IsType<IndirectReferenceToken>(node.Data["Parent"]).Data);
            else Assert.False(node.Data.ContainsKey("Parent"), "the root has a parent");
            if (!node.Data.TryGetValue("Kids", out var kids)) return 1;
            var leaves = Assert.IsType<ArrayToken>(kids).Data.Sum(k => Leaves(Assert.IsType<IndirectReferenceToken>(k).Data, reference));
            Assert.Equal(leaves, Assert.IsType<NumericToken>(node.Data["Count"]).Int);
            return leaves;
        }
        Assert.Equal(document.NumberOfPages, Leaves(root, null));
    }

    [Theory]
    [InlineData(5, 2, 3)] // nothing after the moved pages: the order is Skia's
    [InlineData(5, 2, 0)]
    public void When_the_order_does_not_change_the_page_tree_is_Skias(int pages, int front, int moved)
    {
        using var temp = new TempFolder();
        var path = temp.File("book.pdf");
        long skiaLength;
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite))
        {
            WriteSkiaFile(file, pages);
            skiaLength = file.Length;
            PdfOutline.Append(file, [], "zh-CN", front, moved);
        }
        using var document = PdfDocument.Open(path);
        Assert.Equal(Enumerable.Range(0, pages), Enumerable.Range(1, pages).Select(n => (int)Math.Round(document.GetPage(n).Width) - 100));
        // Only the outline root and the catalog are new: no page tree node was written again.
        var update = File.ReadAllText(path)[(int)skiaLength..];
        Assert.DoesNotContain("/Kids", update);
    }

    [Fact]
    public void A_file_already_updated_is_refused_with_a_reason()
    {
        using var temp = new TempFolder();
        using var file = new FileStream(temp.File("book.pdf"), FileMode.CreateNew, FileAccess.ReadWrite);
        WriteSkiaFile(file, 3);
        PdfOutline.Append(file, [], "zh-CN", 1, 1);
        var e = Assert.Throws<InvalidDataException>(() => PdfOutline.Append(file, [], "zh-CN", 1, 1));
        Assert.Contains("updated", e.Message);
    }
}
