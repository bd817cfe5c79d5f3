using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using WellnessPlatform.Grains;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// Step 9b: counts one of the platform's own counters in this process by its <c>kind</c> tag: the
/// wake-ups (wellness.wakeups) unless another instrument is named (the ingest run's shard deliveries).
/// </summary>
internal sealed class KindCounter : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    public KindCounter(string instrumentName = "wellness.wakeups")
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WellnessMetrics.MeterName && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var kind = "?";
            foreach (var tag in tags)
            {
                if (tag.Key == "kind")
                {
                    kind = tag.Value as string ?? "?";
                }
            }

            _counts.AddOrUpdate(kind, value, (_, n) => n + value);
        });
        _listener.Start();
    }

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>Counts per kind between two snapshots.</summary>
    public static IReadOnlyDictionary<string, long> Between(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.ToDictionary(kv => kv.Key, kv => kv.Value - before.GetValueOrDefault(kv.Key), StringComparer.Ordinal);

    public void Dispose() => _listener.Dispose();
}
