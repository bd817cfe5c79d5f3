using System.Collections.Concurrent;
using Azure;
using Orleans.Storage;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// Grain storage that fails a chosen grain's next write the way an outage does (not an ETag conflict),
/// in front of the real in-memory storage: for tests of what a grain does when its write fails.
/// </summary>
public sealed class FaultyGrainStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.TakeWriteFault(grainId, stateName)
            ? throw new RequestFailedException(503, "Injected storage outage.", "ServerBusy", null)
            : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
}

/// <summary>Which grains' next writes fail; shared by every silo of the test cluster.</summary>
public sealed class StorageFaults
{
    private readonly ConcurrentDictionary<(GrainId Grain, string? State), int> _writes = new();

    /// <summary>Fails the grain's next write; of the named state only, when <paramref name="stateName"/> is given.</summary>
    public void FailNextWrite(GrainId grain, string? stateName = null) => _writes.AddOrUpdate((grain, stateName), 1, (_, n) => n + 1);

    /// <summary>Fails the grain's next <paramref name="count"/> writes: an outage that lasts.</summary>
    public void FailNextWrites(GrainId grain, int count) => _writes.AddOrUpdate((grain, null), count, (_, n) => n + count);

    /// <summary>Ends the grain's outage: its writes succeed again.</summary>
    public void Heal(GrainId grain) => _writes.TryRemove((grain, null), out _);

    public bool TakeWriteFault(GrainId grain, string stateName) => Take((grain, stateName)) || Take((grain, null));

    private bool Take((GrainId, string?) key) =>
        _writes.TryGetValue(key, out var n) && n > 0 && _writes.TryUpdate(key, n - 1, n);
}
