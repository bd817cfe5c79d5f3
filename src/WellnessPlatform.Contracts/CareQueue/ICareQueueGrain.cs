using Orleans.Concurrency;
using WellnessPlatform.Domain.CareQueue;

namespace WellnessPlatform.Contracts.CareQueue;

/// <summary>
/// A tenant's case-worker work queue (key: "{tenant}/care-queue"): one table row per person or case
/// per kind, and one counts row. The grain holds nothing; it takes writes one at a time, because each
/// also moves the counts row, and lets reads interleave. Every write is idempotent, so the employee and
/// incident grains that keep it current may retry freely.
/// </summary>
public interface ICareQueueGrain : IGrainWithStringKey
{
    /// <summary>Lists an entry, or updates it in place; the same entry again changes nothing.</summary>
    Task SetAsync(CareQueueItem item);

    /// <summary>Takes an entry off the queue; one that is not there changes nothing.</summary>
    Task RemoveAsync(CareQueueKind kind, string subject);

    [AlwaysInterleave]
    Task<CareQueuePage> QueryAsync(CareQueueQuery query);

    /// <summary>How many entries of each kind: kept with the rows, never counted by a scan.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyDictionary<CareQueueKind, int>> CountsAsync();
}
