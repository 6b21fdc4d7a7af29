using EbookBuilder.Cli;

return CommandLine.Create().Parse(args).Invoke();
