using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using WellnessPlatform.Grains;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// Step 9b: counts the platform's wake-ups (wellness.wakeups) in this process, by their <c>kind</c> tag.
/// </summary>
internal sealed class WakeupCounter : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    public WakeupCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WellnessMetrics.MeterName && ReferenceEquals(instrument, WellnessMetrics.Wakeups))
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
