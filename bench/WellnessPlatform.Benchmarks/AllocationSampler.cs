using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// What a window allocates, by type: the runtime's allocation ticks (one per ~100 KB allocated, naming
/// the type whose allocation crossed the mark) summed per type, a sample proportional to bytes. Only
/// with BENCH_ALLOCATIONS=1, since verbose GC events cost throughput: the figures of such a run are
/// for the profile, not the table.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const long GcKeyword = 0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _on;

    public static bool Requested => Environment.GetEnvironmentVariable("BENCH_ALLOCATIONS") == "1";

    public void Start() => _on = true;

    public void Stop() => _on = false;

    /// <summary>The types that took the most of the sampled bytes, with their share.</summary>
    public IEnumerable<(string Type, double Share)> Top(int count)
    {
        var total = (double)Math.Max(1, _bytes.Values.Sum());
        return _bytes.OrderByDescending(kv => kv.Value).Take(count).Select(kv => (kv.Key, kv.Value / total));
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_on || eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var type = names.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload![t] as string ?? "?" : "?";
        var amount = names.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload![a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, n) => n + amount);
    }
}
