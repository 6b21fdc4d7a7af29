using System.CommandLine;

namespace EbookBuilder.Cli;

/// <summary>The command tree.</summary>
internal static class CommandLine
{
    public static RootCommand Create() =>
        new("ebook: compiles articles into EPUB 3 books and typeset PDFs")
        {
            BuildCommand.Create(),
            InitCommand.Create(),
            FontsCommand.Create(),
            CacheCommand.Create(),
        };
}
