namespace EbookBuilder.Assembly.Scripts;

/// <summary>OpenCC, or the dictionaries it needs, is not on this machine: the message says what to install.</summary>
public sealed class ScriptUnavailableException(string message) : Exception(message);
