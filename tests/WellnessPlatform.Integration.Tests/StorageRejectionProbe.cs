using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using WellnessPlatform.Host.Hosting;

namespace WellnessPlatform.Integration.Tests;

/// <summary>Records every <c>wellness.storage.rejected</c> measurement (its reason tag) while it lives.</summary>
internal sealed class StorageRejectionProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<string?> _reasons = new();

    public StorageRejectionProbe()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GatewayMetrics.MeterName && instrument.Name == "wellness.storage.rejected")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? reason = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    reason = tag.Value as string;
                }
            }

            for (var i = 0; i < value; i++)
            {
                _reasons.Enqueue(reason);
            }
        });
        _listener.Start();
    }

    /// <summary>One entry per counted request, each its reason tag.</summary>
    public IReadOnlyList<string?> Reasons => [.. _reasons];

    public void Dispose() => _listener.Dispose();
}
