using System.Text;

namespace EbookBuilder.Pipeline.Config;

/// <summary>The commented book.toml that <c>ebook init</c> writes: every section and key, with the chapters found.</summary>
public static class BookFileTemplate
{
    /// <summary>A book file for <paramref name="chapters"/> (title and source path relative to the file, in order).</summary>
    public static string Write(string title, IReadOnlyList<(string Title, string Source)> chapters)
    {
        var text = new StringBuilder();
        text.Append($$"""
            # book.toml: describe the book once, rebuild it with `ebook build` in this folder.
            # Paths are relative to this file. Options given on the command line override this file.
            # Every key is optional, except `sources` in each [[chapter]]. Remove the # to use a key.

            [book]
            title = "{{Escape(title)}}"
            # subtitle = "第 38 期"
            # authors = ["编辑部"]
            # publisher = "..."
            language = "zh-CN"
            # date = 2020-09-20              # the issue's date (default: the newest article's)
            # description = "..."
            # cover = "cover.jpg"            # an image file or an https:// URL (default: a drawn cover)
            # identifier = "urn:uuid:..."    # default: derived from the content
            # root = ".."                    # the folder sources may come from (default: this file's)
            # encoding = "big5"              # the articles' encoding, when their bytes cannot tell it
            # series = "..."                 # the series the book is an issue of
            # series-index = 1               # the issue's number
            # script = "traditional"         # convert: simplified | traditional | taiwan | hongkong (OpenCC)
            # quotes = "corner"              # quotation marks: corner 「」 | curly “” | keep
            # vertical = true                # columns from right to left, pages turned to the left

            """);
        foreach (var (chapterTitle, source) in chapters)
        {
            text.Append($$"""

                [[chapter]]
                title = "{{Escape(chapterTitle)}}"
                sources = ["{{Escape(source)}}"]   # files, folders, globs (pages/*.md) or index link lists
                # order = "index"                # index | date | date-desc | name | title
                # limit = 20                     # keep the newest 20
                # since = 2020-09-14
                # until = 2020-09-20

                """);
        }
        text.Append("""

            [output]
            formats = ["epub", "pdf"]          # epub, pdf, kepub, or all (epub and pdf)
            # name = "weekly"                  # file name (default: the title)
            # folder = "dist"
            # page-size = "A5"                 # A4, A5, A6, B5, Letter, half-letter, ereader or WxHmm
            # profile = "kindle"               # kindle, kobo, koreader, phone, print-a4, print-a5
            # no-cover = false
            # since = 2020-09-14               # the whole book's date range (a weekly digest)
            # until = 2020-09-20
            # undated = "keep"                 # keep or drop the articles with no date when a range is given
            # report = "dist/report.json"

            [images]
            # image-max = "1600x1600"
            # grayscale = false
            # image-concurrency = 8
            # cache-dir = "~/.cache/ebookbuilder"
            # offline = false
            # no-images = false
            # strict = false                   # any failed image stops the build

            [fonts]
            # font = "LXGW WenKai"             # a family name, or a file (fonts/MyFont.ttf, file.ttc#2)
            # no-fonts = false
            # obfuscate-fonts = false

            [pdf]
            # body-size = 10.5                 # any setting of styles/pdf-theme.json, in kebab-case
            # line-height = 1.75
            # first-line-indent-em = 2
            # margin-top-mm = 18
            # imposition = "booklet"           # also NAME.booklet.pdf (sheets to fold) or "2up" (spreads)
            # signature = 8                    # a booklet's sheets folded together, for a thick book
            # bleed = "3mm"                    # for a print shop: crop marks, trim and bleed boxes
            # columns = 2                      # a digest's two columns (A4, B5); balanced at chapter ends
            # column-titles = "across"         # article titles across both columns, or "column" (in one)

            [clean]
            # remove = [".newsletter-signup", "div.sponsor"]   # CSS selectors of elements to drop
            # keep = ["article .content"]                      # keep only these, when present
            # drop-lines = ["^成为荣誉会员.*$"]                 # regular expressions for boilerplate paragraphs

            """);
        return text.ToString();
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
