using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Grains.Aggregation;

/// <summary>A shard's counters and, per anonymous contributor token, the last sequence applied.</summary>
[GenerateSerializer, Alias("wp.ShardState")]
public sealed class ShardState
{
    [Id(0)] public Dictionary<CellKey, long> Counters { get; set; } = [];

    [Id(1)] public Dictionary<Guid, long> Applied { get; set; } = [];
}
