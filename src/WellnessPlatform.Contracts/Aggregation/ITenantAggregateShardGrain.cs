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
    /// </summary>
    Task<long> ApplyAsync(Guid contributor, IReadOnlyList<OutboxEntry> entries);

    /// <summary>
    /// Forgets an erased contributor: applies its last entries (a leaver's correction), drops its token
    /// and last applied sequence, and stores all of it in one write at once. The counters it
    /// contributed stay; they name nobody.
    /// </summary>
    Task ForgetAsync(Guid contributor, IReadOnlyList<OutboxEntry> lastEntries);

    /// <summary>The shard's counters as they stand in memory.</summary>
    Task<IReadOnlyDictionary<CellKey, long>> GetCountersAsync();
}
