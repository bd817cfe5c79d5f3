using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using WellnessPlatform.Contracts;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Grains;
using WellnessPlatform.Grains.Migration;
using WellnessPlatform.Grains.Tenants;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// A tenant stored by a version that kept its roster and incident queue in single grain states: after
/// the upgrade its first activation moves both into their tables, keeping every invitation as it was and
/// every case, and deletes the old states.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LegacyListMigrationTests(AzuriteFixture fixture)
{
    private const string T = "legacy";

    [Fact]
    public async Task A_tenant_from_before_the_tables_finds_its_invitations_and_cases_after_the_upgrade()
    {
        var service = AzuriteFixture.NewServiceId();
        string incidentId;
        await using (var before = fixture.NewPlatform(service))
        {
            incidentId = await before.TenantWithReportedIncidentAsync(T, "old-case", "office", "plant");
        }

        var invitedAt = new DateTimeOffset(2025, 3, 4, 9, 30, 0, TimeSpan.Zero);
        await using var after = fixture.NewPlatform(service);
        var storage = after.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);

        // Make the stored data look as the earlier version left it: lists in grain states, no rows.
        var tenant = new GrainState<TenantState>(new TenantState());
        await storage.ReadStateAsync(StorageNames.TenantState, GrainId.Create(GrainTypes.Tenant, T), tenant);
        tenant.State!.ListsInTables = false;
        await storage.WriteStateAsync(StorageNames.TenantState, GrainId.Create(GrainTypes.Tenant, T), tenant);
        var tables = new TableServiceClient(fixture.Azurite.ConnectionString);
        var prefix = "T" + service.Replace("-", string.Empty, StringComparison.Ordinal);
        await ClearPartitionAsync(tables.GetTableClient(prefix + "Roster"));
        await ClearPartitionAsync(tables.GetTableClient(prefix + "Incidents"));

        var roster = new LegacyRosterState();
        foreach (var (id, department) in new[] { ("reporter", "office"), ("a-1", "plant"), ("a-2", "office") })
        {
            roster.Invitations[id] = new LegacyInvitation(id, department, invitedAt, "admin-before");
        }

        await storage.WriteStateAsync("roster", GrainId.Create(GrainTypes.Roster, GrainKeys.Roster(T)), new GrainState<LegacyRosterState>(roster));
        var index = new LegacyIncidentIndexState();
        index.Cases[incidentId] = new LegacyIncidentSummary(incidentId, "reporter", IncidentStatus.Reported, invitedAt, invitedAt, false, invitedAt.AddDays(7));
        await storage.WriteStateAsync("incident-index", GrainId.Create(GrainTypes.IncidentIndex, GrainKeys.IncidentIndex(T)), new GrainState<LegacyIncidentIndexState>(index));

        // The first call after the upgrade activates the tenant, which moves the lists.
        var list = await after.Admin(T).SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/invitations");
        var items = list["items"]!.AsArray();
        Assert.Equal(["a-1", "a-2", "reporter"], items.Select(i => (string)i!["employeeId"]!));
        Assert.All(items, i => Assert.Equal(invitedAt, (DateTimeOffset)i!["invitedAt"]!));
        Assert.Equal(3, (long)list["total"]!);
        var queue = await after.CaseWorker(T).SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/incidents");
        Assert.Equal(incidentId, (string)Assert.Single(queue["items"]!.AsArray())!["incidentId"]!);

        // The old states are gone, and a newcomer can still be invited and enrol.
        var oldRoster = new GrainState<LegacyRosterState>(new LegacyRosterState());
        await storage.ReadStateAsync("roster", GrainId.Create(GrainTypes.Roster, GrainKeys.Roster(T)), oldRoster);
        Assert.False(oldRoster.RecordExists);
        var oldIndex = new GrainState<LegacyIncidentIndexState>(new LegacyIncidentIndexState());
        await storage.ReadStateAsync("incident-index", GrainId.Create(GrainTypes.IncidentIndex, GrainKeys.IncidentIndex(T)), oldIndex);
        Assert.False(oldIndex.RecordExists);
        var (status, _) = await after.Employee(T, "a-1").SendForAsync(HttpMethod.Post, $"/api/tenants/{T}/employees/a-1/enrolment", new { timeZone = "Etc/UTC" });
        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static async Task ClearPartitionAsync(TableClient table)
    {
        await foreach (var row in table.QueryAsync<TableEntity>(r => r.PartitionKey == T))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
    }
}
