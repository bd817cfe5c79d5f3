using Orleans.Concurrency;
using WellnessPlatform.Domain.Incidents;

namespace WellnessPlatform.Contracts.Incidents;

/// <summary>
/// A tenant's incident queue (key: "{tenant}/incidents"). The queue is one table row per case, so this
/// grain holds nothing; its size never grows with the number of cases. One activation per tenant takes
/// the writes one at a time, because every write also moves the tenant's one counts row and concurrent
/// writers would only collide there; reads interleave with them.
/// Case-work data: never read by the HR side except as counts.
/// </summary>
public interface IIncidentIndexGrain : IGrainWithStringKey
{
    /// <summary>Writes a case's queue line; the same line again changes nothing, and the status counts move with it.</summary>
    Task UpsertAsync(IncidentSummary summary);

    /// <summary>A page of the queue, newest first, filtered by status, age in days and reporter.</summary>
    [AlwaysInterleave]
    Task<IncidentQueuePage> QueryAsync(IncidentQueueQuery query);

    /// <summary>How many cases are in each status: all the HR dashboard may know.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyDictionary<IncidentStatus, int>> CountsAsync();
}
