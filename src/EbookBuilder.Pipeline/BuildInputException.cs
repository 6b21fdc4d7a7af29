namespace EbookBuilder.Pipeline;

/// <summary>The input stops the build: the message says what, where and what to do.</summary>
public sealed class BuildInputException(string message) : Exception(message);
