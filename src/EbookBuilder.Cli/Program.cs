using EbookBuilder.Cli;

return CommandLine.Invoke(args);
