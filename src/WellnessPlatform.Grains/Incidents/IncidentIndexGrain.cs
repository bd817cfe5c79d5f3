using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Domain.Incidents;

namespace WellnessPlatform.Grains.Incidents;

/// <summary>
/// The case workers' queue for one tenant, kept current by the incident grains. The queue is one table
/// row per case (<see cref="IncidentTable"/>); this grain holds nothing. It is one activation per tenant,
/// not a stateless worker: writes then reach the counts row one at a time instead of racing on its ETag
/// (32 concurrent reporters exhausted the table's retries in the scale benchmark).
/// </summary>
/// <remarks>
/// Before this table, the queue was one grain state ("incident-index") holding every case. That state is
/// no longer read: a case enters the table when its incident grain next activates or changes (each
/// <see cref="IncidentGrain"/> writes its line on activation), and the old state row can be deleted.
/// </remarks>
[GrainType(GrainTypes.IncidentIndex)]
public sealed class IncidentIndexGrain(IncidentTable incidents, TimeProvider clock) : Grain, IIncidentIndexGrain
{
    private string TenantId => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    public Task UpsertAsync(IncidentSummary summary) => incidents.UpsertAsync(TenantId, summary);

    public Task<IncidentQueuePage> QueryAsync(IncidentQueueQuery query) => incidents.PageAsync(TenantId, query, clock.GetUtcNow());

    public Task<IReadOnlyDictionary<IncidentStatus, int>> CountsAsync() => incidents.CountsAsync(TenantId);
}
