namespace EbookBuilder.Pipeline;

/// <summary>A build cancelled after some formats were written, whole: those files are named, and kept.</summary>
public sealed class BuildCancelledException(IReadOnlyList<OutputFile> written, CancellationToken token)
    : OperationCanceledException("the build was cancelled", token)
{
    /// <summary>The books written before the cancel.</summary>
    public IReadOnlyList<OutputFile> Written => written;
}
