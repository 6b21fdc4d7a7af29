using System.CommandLine;
using EbookBuilder.Cli;

namespace EbookBuilder.Tests.Support;

/// <summary>The real command line, run in process with its output captured.</summary>
internal static class CliRun
{
    public static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Invoke(args, new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }
}
