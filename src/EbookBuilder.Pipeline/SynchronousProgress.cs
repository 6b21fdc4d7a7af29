namespace EbookBuilder.Pipeline;

/// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool, out of order and after the stage has ended).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
