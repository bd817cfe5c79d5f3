using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// Grain storage for the memory benchmark: it serializes every write exactly as Azure Table storage
/// would (Orleans binary format), optionally remembers each grain's latest stored size, and keeps
/// nothing else, so the heap holds the activations and not a copy of their stored state.
/// </summary>
internal sealed class MeasuringGrainStorage(Serializer serializer) : IGrainStorage
{
    private readonly OrleansGrainStorageSerializer _format = new(serializer);
    private long _etag;

    /// <summary>Latest stored size per grain, when <see cref="RecordSizes"/> is on.</summary>
    public ConcurrentDictionary<GrainId, int> Sizes { get; } = new();

    public bool RecordSizes { get; set; }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var bytes = _format.Serialize(grainState.State);
        if (RecordSizes)
        {
            Sizes[grainId] = bytes.ToMemory().Length;
        }

        grainState.ETag = Interlocked.Increment(ref _etag).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
