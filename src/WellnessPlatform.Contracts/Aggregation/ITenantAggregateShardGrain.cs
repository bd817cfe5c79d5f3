using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Contracts.Aggregation;

/// <summary>
/// One slice of a tenant's counters (key: "{tenant}/shard-{n}"). Employees are spread over the shards
/// by a stable hash, so a large tenant's write load does not queue on one grain. A shard knows
/// contributors only by a random token, never by employee id.
/// </summary>
public interface ITenantAggregateShardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies the entries not applied before and returns the highest sequence of this contributor that
    /// is durably stored; the contributor keeps anything above it and sends it again later.
    /// <paramref name="settledThrough"/> is the contributor's promise, from its own stored state, that
    /// it will never send a sequence at or below it again: the shard may then forget the contributor.
    /// </summary>
    Task<long> ApplyAsync(Guid contributor, IReadOnlyList<OutboxEntry> entries, long settledThrough);

    /// <summary>
    /// Forgets an erased contributor: applies its last entries (a leaver's correction), drops its token
    /// and last applied sequence, and stores all of it in one write at once. The counters it
    /// contributed stay; they name nobody. Its whole <paramref name="share"/> (what it contributed, as
    /// the reconciliation recomputes it for a member) is added to the shard's departed counters, so a
    /// recomputation that can no longer ask the person still comes out exact. Repeating the call, with
    /// the same share, changes nothing more.
    /// </summary>
    Task ForgetAsync(Guid contributor, IReadOnlyList<OutboxEntry> lastEntries, IReadOnlyDictionary<CellKey, long> share);

    /// <summary>
    /// The tenant has stored every week up to <paramref name="releasedThrough"/>: drop their per-week
    /// counters and fold their joins and leaves (<see cref="CounterRetention"/>).
    /// </summary>
    Task ReleasedAsync(string releasedThrough);

    /// <summary>The shard's counters as they stand in memory.</summary>
    Task<IReadOnlyDictionary<CellKey, long>> GetCountersAsync();

    /// <summary>The part of the counters that erased contributors left behind, kept as the counters are kept.</summary>
    Task<IReadOnlyDictionary<CellKey, long>> GetDepartedAsync();
}
