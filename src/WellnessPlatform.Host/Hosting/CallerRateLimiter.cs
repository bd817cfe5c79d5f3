using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace WellnessPlatform.Host.Hosting;

/// <summary>
/// A fixed window per caller, all callers in one concurrent map. It does what
/// <c>PartitionedRateLimiter.Create</c> with fixed-window partitions did, without that limiter's costs on
/// the request path: a lock shared by every request to find the caller's limiter, and a walk over every
/// caller's limiter ten times a second to replenish it (with 30,000 callers, most of the rate limiting
/// stage in the HTTP profile, docs/performance.md). A window starts at its caller's first request and
/// lasts <see cref="Window"/>; windows that have ended are dropped once a window.
/// </summary>
internal sealed class CallerRateLimiter(Func<HttpContext, string> callerKey, int permitsPerWindow) : PartitionedRateLimiter<HttpContext>
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private static readonly long WindowMs = (long)Window.TotalMilliseconds;
    private static readonly RateLimitLease Granted = new Lease(null);

    private readonly ConcurrentDictionary<string, CallerWindow> _windows = new(StringComparer.Ordinal);
    private long _nextSweepMs = Environment.TickCount64 + WindowMs;

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) =>
        _windows.TryGetValue(callerKey(resource), out var window)
            ? new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, permitsPerWindow - window.Count) }
            : new RateLimiterStatistics { CurrentAvailablePermits = permitsPerWindow };

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        var now = Environment.TickCount64;
        SweepIfDue(now);
        var key = callerKey(resource);
        while (true)
        {
            var window = _windows.GetOrAdd(key, static (_, start) => new CallerWindow { StartMs = start }, now);
            lock (window)
            {
                if (window.Dropped)
                {
                    continue; // swept between the lookup and the lock: take the caller's new window
                }

                if (now - window.StartMs >= WindowMs)
                {
                    window.StartMs = now;
                    window.Count = 0;
                }

                if (window.Count + permitCount <= permitsPerWindow)
                {
                    window.Count += permitCount;
                    return Granted;
                }

                return new Lease(TimeSpan.FromMilliseconds(window.StartMs + WindowMs - now));
            }
        }
    }

    // A full window is refused at once: there is no queue (the fixed-window limiter had QueueLimit 0).
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    /// <summary>Drops the windows that have ended, once a window, on the request that finds it due.</summary>
    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweepMs);
        if (now < due || Interlocked.CompareExchange(ref _nextSweepMs, now + WindowMs, due) != due)
        {
            return;
        }

        foreach (var entry in _windows)
        {
            lock (entry.Value)
            {
                if (now - entry.Value.StartMs >= WindowMs)
                {
                    entry.Value.Dropped = true;
                    _windows.TryRemove(entry);
                }
            }
        }
    }

    private sealed class CallerWindow
    {
        public long StartMs { get; set; }

        public int Count { get; set; }

        public bool Dropped { get; set; }
    }

    /// <summary>Granted without metadata, or refused with the time until the caller's window ends.</summary>
    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
