using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Grains.Aggregation;

/// <summary>
/// A shard's stored counters and, per anonymous contributor token with corrections in flight, the last
/// sequence applied. Bounded: counters cover only weeks the tenant has not yet released (plus one
/// folded membership counter per department), and a contributor's entry is dropped once it has stored
/// that it will never resend what the shard has applied (<see cref="TenantAggregateShardGrain"/>).
/// </summary>
[GenerateSerializer, Alias("wp.ShardState")]
public sealed class ShardState
{
    /// <summary>The layout before stored rows: read once on activation and written back as <see cref="Rows"/>.</summary>
    [Id(0)] public Dictionary<CellKey, long> Counters { get; set; } = [];

    [Id(1)] public Dictionary<Guid, long> Applied { get; set; } = [];

    [Id(2)] public List<CounterRow> Rows { get; set; } = [];

    /// <summary>The latest week the tenant has released (ISO week), or null before the first release.</summary>
    [Id(3)] public string? ReleasedThrough { get; set; }

    /// <summary>
    /// Marks (one-way hashes) of erased contributors' tokens, most recent last, at most <see cref="ForgottenTokens.Max"/>: a
    /// repeated erasure, or a resend from an activation that had not yet heard of it, is recognised and
    /// applies nothing twice.
    /// </summary>
    [Id(4)] public List<Guid> Forgotten { get; set; } = [];
}
