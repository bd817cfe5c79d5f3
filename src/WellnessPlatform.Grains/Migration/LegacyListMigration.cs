using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Grains.Roster;

namespace WellnessPlatform.Grains.Migration;

/// <summary>
/// Moves a tenant's lists from the single grain states of earlier versions into their tables, once,
/// when the tenant grain activates: invitations keep their department, time and inviter; each old case
/// is opened so its grain writes its own queue line. The old state is deleted only after everything in
/// it has landed, so a failure part-way is simply tried again on the next activation.
/// </summary>
public sealed class LegacyListMigration(IServiceProvider services, RosterTable roster)
{
    // The state names the old grains stored under (their row keys in OrleansGrainState).
    private const string RosterStateName = "roster";
    private const string IncidentIndexStateName = "incident-index";

    /// <summary>
    /// A roster kept in one partition per tenant (before the buckets) is spread over its buckets; checked
    /// at every activation of the tenant, at the cost of one point read once done.
    /// </summary>
    public Task SpreadRosterAsync(string tenantId, CancellationToken cancellationToken) =>
        roster.SpreadSinglePartitionAsync(tenantId, cancellationToken);

    public async Task MigrateAsync(IGrainFactory grains, string tenantId, CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);

        var rosterId = GrainId.Create(GrainTypes.Roster, GrainKeys.Roster(tenantId));
        var invitations = new GrainState<LegacyRosterState>(new LegacyRosterState());
        await storage.ReadStateAsync(RosterStateName, rosterId, invitations);
        if (invitations is { RecordExists: true, State: { } legacyRoster })
        {
            foreach (var batch in legacyRoster.Invitations.Values.OrderBy(i => i.EmployeeId, StringComparer.Ordinal)
                .Select(i => new Invitation(i.EmployeeId, i.Department, i.InvitedAt, i.InvitedBy)).Chunk(RosterTable.MaxBatch))
            {
                // Everyone invited before stays invited, whatever the capacity.
                await roster.ApplyAsync(tenantId, batch, int.MaxValue, cancellationToken);
            }

            await storage.ClearStateAsync(RosterStateName, rosterId, invitations);
        }

        var indexId = GrainId.Create(GrainTypes.IncidentIndex, GrainKeys.IncidentIndex(tenantId));
        var cases = new GrainState<LegacyIncidentIndexState>(new LegacyIncidentIndexState());
        await storage.ReadStateAsync(IncidentIndexStateName, indexId, cases);
        if (cases is { RecordExists: true, State: { } legacyIndex })
        {
            foreach (var incidentId in legacyIndex.Cases.Keys)
            {
                // An incident grain writes its queue line when it activates.
                await grains.GetGrain<IIncidentGrain>(GrainKeys.Incident(tenantId, incidentId)).GetAsync();
            }

            await storage.ClearStateAsync(IncidentIndexStateName, indexId, cases);
        }
    }
}
