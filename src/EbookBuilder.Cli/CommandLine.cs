using System.CommandLine;
using EbookBuilder.Model.Text;

namespace EbookBuilder.Cli;

/// <summary>The command tree, and how a command line is run.</summary>
internal static class CommandLine
{
    public static RootCommand Create() =>
        new("ebook: compiles articles into EPUB 3 books and typeset PDFs")
        {
            BuildCommand.Create(),
            InitCommand.Create(),
            FontsCommand.Create(),
            CacheCommand.Create(),
            SendCommand.Create(),
            SideloadCommand.Create(),
        };

    /// <summary>
    /// Runs <paramref name="args"/>. A usage error is one line, with the nearest option or
    /// command when a name was mistyped, and where the help is (not the whole help: it hid the
    /// error); exit 1, as for any bad input.
    /// </summary>
    public static int Invoke(string[] args, InvocationConfiguration? configuration = null)
    {
        var root = Create();
        var parse = root.Parse(args);
        if (parse.Errors.Count == 0) return configuration is null ? parse.Invoke() : parse.Invoke(configuration);
        var error = configuration?.Error ?? Console.Error;
        var command = parse.CommandResult.Command;
        var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Concat(command.Subcommands.Select(c => c.Name));
        var first = parse.Errors[0];
        var token = parse.UnmatchedTokens.FirstOrDefault();
        error.WriteLine($"error: {first.Message}{(token is null ? "" : EditDistance.DidYouMean(token, names))}");
        error.WriteLine($"Run '{CommandPath(command)} --help' for usage.");
        return ExitCodes.BadInput;
    }

    private static string CommandPath(Command command) => command is RootCommand ? "ebook" : $"ebook {command.Name}";
}
