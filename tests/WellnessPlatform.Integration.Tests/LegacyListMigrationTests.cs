using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Grains;
using WellnessPlatform.Grains.Migration;
using WellnessPlatform.Grains.Roster;
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
        Assert.Equal(
            new[] { "a-1", "a-2", "reporter" }.OrderBy(RosterCursor.BucketOf).ThenBy(id => id, StringComparer.Ordinal),
            items.Select(i => (string)i!["employeeId"]!));
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

    [Fact]
    public async Task A_roster_kept_in_one_partition_is_spread_over_its_buckets_with_every_person_kept()
    {
        var service = AzuriteFixture.NewServiceId();
        await using (var before = fixture.NewPlatform(service))
        {
            await before.CreateTenantAsync(T, "office", "plant");
        }

        // Rows as the single-partition layout wrote them: partition = tenant, and one head-count row.
        var table = new TableServiceClient(fixture.Azurite.ConnectionString)
            .GetTableClient("T" + service.Replace("-", string.Empty, StringComparison.Ordinal) + "Roster");
        await table.CreateIfNotExistsAsync();
        var invitedAt = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 130).Select(i => $"old-{i:D3}").ToList();
        foreach (var id in ids)
        {
            await table.AddEntityAsync(new TableEntity(T, id) { ["Department"] = id.EndsWith('7') ? "plant" : "office", ["InvitedAt"] = invitedAt, ["InvitedBy"] = "admin-before" });
        }

        await table.AddEntityAsync(new TableEntity(T, "~count") { ["Count"] = (long)ids.Count });

        await using var after = fixture.NewPlatform(service);
        var listed = new List<(string Id, string Department, DateTimeOffset At)>();
        string? next = null;
        do
        {
            var page = await after.Admin(T).SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/invitations?pageSize=50" + (next is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(next)));
            Assert.Equal(130, (long)page["total"]!);
            listed.AddRange(page["items"]!.AsArray().Select(i => ((string)i!["employeeId"]!, (string)i["department"]!, (DateTimeOffset)i["invitedAt"]!)));
            next = (string?)page["continuationToken"];
        }
        while (next is not null);

        Assert.Equal(ids, listed.Select(l => l.Id).Order(StringComparer.Ordinal));
        Assert.All(listed, l => Assert.Equal((l.Id.EndsWith('7') ? "plant" : "office", invitedAt), (l.Department, l.At)));

        // Read straight from the table: the old partition is empty and every person sits in their bucket.
        Assert.Empty(await table.QueryAsync<TableEntity>(r => r.PartitionKey == T).ToListAsync());
        foreach (var id in ids)
        {
            Assert.True((await table.GetEntityIfExistsAsync<TableEntity>(RosterTable.PartitionOf(T, id), id)).HasValue, id);
        }
    }

    private static async Task ClearPartitionAsync(TableClient table)
    {
        await foreach (var row in table.QueryAsync<TableEntity>(r => r.PartitionKey == T || (r.PartitionKey.CompareTo(T + "|") >= 0 && r.PartitionKey.CompareTo(T + "}") < 0)))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
    }
}
