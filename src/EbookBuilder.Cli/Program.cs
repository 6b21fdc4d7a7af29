using EbookBuilder.Cli;

NativeHeap.LimitArenas();
return CommandLine.Invoke(args);
