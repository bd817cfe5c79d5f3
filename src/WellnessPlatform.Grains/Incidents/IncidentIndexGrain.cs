using Orleans.Concurrency;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Incidents;

namespace WellnessPlatform.Grains.Incidents;

/// <summary>
/// The case workers' queue for one tenant, kept current by the incident grains. The queue is one table
/// row per case (<see cref="IncidentTable"/>); this grain holds nothing, so it runs as a stateless worker.
/// </summary>
/// <remarks>
/// Before this table, the queue was one grain state ("incident-index") holding every case. That state is
/// no longer read: a case enters the table when its incident grain next activates or changes (each
/// <see cref="IncidentGrain"/> writes its line on activation), and the old state row can be deleted.
/// </remarks>
[StatelessWorker]
[GrainType(GrainTypes.IncidentIndex)]
public sealed class IncidentIndexGrain(IncidentTable incidents, TimeProvider clock) : Grain, IIncidentIndexGrain
{
    private string TenantId => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    public Task UpsertAsync(IncidentSummary summary) => incidents.UpsertAsync(TenantId, summary);

    public Task<IncidentQueuePage> QueryAsync(IncidentQueueQuery query) => incidents.PageAsync(TenantId, query, clock.GetUtcNow());

    public Task<IReadOnlyDictionary<IncidentStatus, int>> CountsAsync() => incidents.CountsAsync(TenantId);
}
