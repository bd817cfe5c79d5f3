using System.Diagnostics;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// A concurrent load driver in the style of Orleans' ConcurrentLoadGenerator: many workers, each
/// looping over its own grains, a warm-up that is discarded, then a timed window.
/// </summary>
internal static class LoadDriver
{
    /// <summary>
    /// Calls per second in the timed window, bytes allocated (whole process) per call in it, and calls
    /// that never answered (Orleans' 30 s response timeout) in the whole run, counted instead of ending it.
    /// </summary>
    public sealed record Result(double PerSecond, double BytesPerCall, long TimedOut);

    public static async Task<Result> RunAsync(int workers, TimeSpan warmUp, TimeSpan measure, Func<int, long, Task> call)
    {
        long count = 0;
        long timedOut = 0;
        var measuring = false;
        using var stop = new CancellationTokenSource();
        var tasks = Enumerable.Range(0, workers).Select(async worker =>
        {
            long i = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await call(worker, i++);
                }
                catch (TimeoutException)
                {
                    // A lost answer (seen rarely on pings, never explained): the worker waited 30 s and
                    // goes on; the run reports it instead of failing after its figures were taken.
                    Interlocked.Increment(ref timedOut);
                    continue;
                }

                if (Volatile.Read(ref measuring))
                {
                    Interlocked.Increment(ref count);
                }
            }
        }).ToList();

        await Task.Delay(warmUp);
        Phase.Mark($"measuring {workers} workers for {measure.TotalSeconds:N0} s");
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(measure);
        var done = Interlocked.Read(ref count);
        var elapsed = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        await stop.CancelAsync();
        await Task.WhenAll(tasks);
        return new Result(done / elapsed.TotalSeconds, (double)allocated / Math.Max(1, done), Interlocked.Read(ref timedOut));
    }
}
