using EbookBuilder.Pdf.Layout;

namespace EbookBuilder.Tests.Pdf;

/// <summary>
/// The hand-off between the layout thread and the thread that writes pages to Skia: order kept,
/// the producer held back when it is full, and both sides released (never left waiting) when it is
/// stopped or the build is cancelled.
/// </summary>
public sealed class PageHandoffTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Items_arrive_in_order_and_the_producer_waits_when_full()
    {
        using var handoff = new PageHandoff<int>(4, CancellationToken.None);
        var added = 0;
        var producer = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                handoff.Add(i);
                Interlocked.Increment(ref added);
            }
            handoff.Complete();
        });

        // Nobody takes yet: the producer stops once four wait. It may start late on a busy machine
        // (the suite runs in parallel): wait for the four, then give it time to add a fifth.
        var deadline = DateTime.UtcNow + Patience;
        while (Volatile.Read(ref added) < 4 && DateTime.UtcNow < deadline) await Task.Delay(10);
        await Task.Delay(200);
        Assert.Equal(4, Volatile.Read(ref added));

        var taken = new List<int>();
        await Task.Run(() =>
        {
            while (handoff.TryTake(out var item)) taken.Add(item);
        }).WaitAsync(Patience);
        await producer.WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(0, 200), taken);
    }

    [Fact]
    public async Task Stopping_releases_a_producer_waiting_on_a_full_handoff()
    {
        using var handoff = new PageHandoff<int>(1, CancellationToken.None);
        handoff.Add(1);
        var blocked = Task.Run(() => handoff.Add(2));
        await Task.Delay(100);
        Assert.False(blocked.IsCompleted);

        handoff.Stop();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked.WaitAsync(Patience));
        Assert.Equal([1], handoff.Remaining());
    }

    [Fact]
    public async Task Cancelling_the_build_releases_a_consumer_waiting_on_an_empty_handoff()
    {
        using var cancel = new CancellationTokenSource();
        using var handoff = new PageHandoff<int>(4, cancel.Token);
        var waiting = Task.Run(() => handoff.TryTake(out _));
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        Assert.Throws<OperationCanceledException>(() => handoff.Add(1));
    }
}
