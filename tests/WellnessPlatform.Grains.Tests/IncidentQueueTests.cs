using Azure.Data.Tables;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Grains.Incidents;
using WellnessPlatform.Grains.Storage;

namespace WellnessPlatform.Grains.Tests;

/// <summary>The incident queue as one table row per case on Azurite: paging, filters and the counts row.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IncidentQueueTests(ClusterFixture fixture)
{
    private static readonly IncidentStatus[] Statuses =
        [IncidentStatus.Reported, IncidentStatus.Triaged, IncidentStatus.Reported, IncidentStatus.Triaged, IncidentStatus.Closed, IncidentStatus.Triaged, IncidentStatus.Reported];

    [Fact]
    public async Task Pages_read_every_case_once_newest_first_and_filters_hold_across_pages()
    {
        using var scope = new TenantScope("queue-pages");
        var index = Index("queue-pages");
        // Seven cases a day apart, written oldest first; each status and reporter mixed.
        var now = fixture.Clock.GetUtcNow();
        var cases = Statuses.Select((status, i) => Summary($"case-{i}", i % 2 == 0 ? "ann" : "bob", status, now.AddDays(i - 7))).ToList();
        foreach (var c in cases)
        {
            await index.UpsertAsync(c);
        }

        var all = await ReadAllAsync(index, new IncidentQueueQuery(PageSize: 3));
        Assert.Equal([3, 3, 1], all.Pages);
        Assert.Equal(cases.OrderByDescending(c => c.ReportedAt).Select(c => c.IncidentId), all.Items.Select(c => c.IncidentId));
        Assert.Equal(cases.OrderByDescending(c => c.ReportedAt), all.Items); // every column comes back as written

        var triaged = await ReadAllAsync(index, new IncidentQueueQuery(IncidentStatus.Triaged, PageSize: 2));
        Assert.Equal([2, 1], triaged.Pages);
        Assert.Equal(["case-5", "case-3", "case-1"], triaged.Items.Select(c => c.IncidentId));

        var recentReported = await ReadAllAsync(index, new IncidentQueueQuery(IncidentStatus.Reported, MaxAgeDays: 4, PageSize: 1));
        Assert.Equal(["case-6"], recentReported.Items.Select(c => c.IncidentId)); // case-2 and case-0 are older than four days

        var bob = await ReadAllAsync(index, new IncidentQueueQuery(EmployeeId: "bob", PageSize: 2));
        Assert.Equal(["case-5", "case-3", "case-1"], bob.Items.Select(c => c.IncidentId));

        var counts = await index.CountsAsync();
        Assert.Equal(3, counts[IncidentStatus.Reported]);
        Assert.Equal(3, counts[IncidentStatus.Triaged]);
        Assert.Equal(1, counts[IncidentStatus.Closed]);
        Assert.Equal(0, counts[IncidentStatus.InTreatment]);
    }

    [Fact]
    public async Task Counts_stay_exact_through_repeated_upserts_and_transitions_and_are_stored_in_one_row()
    {
        using var scope = new TenantScope("queue-counts");
        var index = Index("queue-counts");
        var first = Summary("c1", "ann", IncidentStatus.Reported, ClusterFixture.Start.AddHours(-3));
        var second = Summary("c2", "bob", IncidentStatus.Reported, ClusterFixture.Start.AddHours(-2));
        for (var i = 0; i < 3; i++)
        {
            await index.UpsertAsync(first);
            await index.UpsertAsync(second);
        }

        var table = fixture.Tables.GetTableClient(new TableSettings().Prefix + WellnessTables.Incidents);
        var written = await table.GetEntityAsync<TableEntity>("queue-counts", IncidentTable.RowKeyOf(first.ReportedAt, "c1"));
        await index.UpsertAsync(first);
        Assert.Equal(written.Value.ETag, (await table.GetEntityAsync<TableEntity>("queue-counts", written.Value.RowKey)).Value.ETag); // unchanged: not written

        await index.UpsertAsync(first with { Status = IncidentStatus.Triaged });
        await index.UpsertAsync(first with { Status = IncidentStatus.Triaged });
        await index.UpsertAsync(first with { Status = IncidentStatus.InTreatment });
        await index.UpsertAsync(first with { Status = IncidentStatus.InTreatment, EmployeeId = "erased-1" }); // same status: counts stay

        var row = (await table.GetEntityAsync<TableEntity>("queue-counts", IncidentTable.CountsRowKey)).Value;
        Assert.Equal(1, row.GetInt32("Reported"));
        Assert.Equal(0, row.GetInt32("Triaged"));
        Assert.Equal(1, row.GetInt32("InTreatment"));
        Assert.Equal(0, row.GetInt32("Closed"));
        Assert.Equal(2, (await ReadAllAsync(index, new IncidentQueueQuery(PageSize: 10))).Items.Count); // the counts row is not a case
        Assert.Equal("erased-1", (await table.GetEntityAsync<TableEntity>("queue-counts", written.Value.RowKey)).Value.GetString("EmployeeId"));
    }

    [Fact]
    public async Task Concurrent_cases_of_one_tenant_are_all_counted()
    {
        using var scope = new TenantScope("queue-race");
        var index = Index("queue-race");
        var cases = Enumerable.Range(0, 24).Select(i => Summary($"r{i}", $"e{i}", IncidentStatus.Reported, ClusterFixture.Start.AddMinutes(-i))).ToList();

        await Task.WhenAll(cases.Select(c => index.UpsertAsync(c)));
        await Task.WhenAll(cases.Take(10).Select(c => index.UpsertAsync(c with { Status = IncidentStatus.Triaged })));

        var counts = await index.CountsAsync();
        Assert.Equal(14, counts[IncidentStatus.Reported]);
        Assert.Equal(10, counts[IncidentStatus.Triaged]);
        Assert.Equal(24, (await ReadAllAsync(index, new IncidentQueueQuery(PageSize: 200))).Items.Count);
    }

    [Fact]
    public async Task A_retried_report_writes_a_missing_queue_line_again()
    {
        using var scope = new TenantScope("queue-heal");
        await fixture.CreateTenantAsync("queue-heal");
        var incident = fixture.Client.GetGrain<IIncidentGrain>(GrainKeys.Incident("queue-heal", "h1"));
        var report = new IncidentReport(ClusterFixture.Start.AddHours(-1), "Dock", "Lifting", "Pulled", "Strain", "Back", TreatmentSought.None, false);
        var filed = (await incident.ReportAsync("ann", report)).Value!;

        // As if the line had never been written (a case from before the table, or a lost write).
        var table = fixture.Tables.GetTableClient(new TableSettings().Prefix + WellnessTables.Incidents);
        await table.DeleteEntityAsync("queue-heal", IncidentTable.RowKeyOf(filed.ReportedAt, "h1"));
        await table.DeleteEntityAsync("queue-heal", IncidentTable.CountsRowKey);
        Assert.Empty((await Index("queue-heal").QueryAsync(new IncidentQueueQuery())).Items);

        Assert.True((await incident.ReportAsync("ann", report)).IsOk);

        Assert.Equal("h1", Assert.Single((await Index("queue-heal").QueryAsync(new IncidentQueueQuery())).Items).IncidentId);
        Assert.Equal(1, (await Index("queue-heal").CountsAsync())[IncidentStatus.Reported]);
    }

    private IIncidentIndexGrain Index(string tenant) => fixture.Client.GetGrain<IIncidentIndexGrain>(GrainKeys.IncidentIndex(tenant));

    private static IncidentSummary Summary(string id, string employee, IncidentStatus status, DateTimeOffset reportedAt) =>
        new(id, employee, status, reportedAt, reportedAt.AddHours(-1), id.EndsWith('1'), reportedAt.AddDays(7));

    private static async Task<(List<IncidentSummary> Items, List<int> Pages)> ReadAllAsync(IIncidentIndexGrain index, IncidentQueueQuery query)
    {
        var items = new List<IncidentSummary>();
        var pages = new List<int>();
        string? token = null;
        do
        {
            var page = await index.QueryAsync(query with { ContinuationToken = token });
            Assert.True(page.Items.Count <= query.PageSize);
            items.AddRange(page.Items);
            pages.Add(page.Items.Count);
            token = page.ContinuationToken;
        }
        while (token is not null);

        // Each case once, whatever the paging.
        Assert.Equal(items.Count, items.Select(c => c.IncidentId).Distinct().Count());
        return (items, pages.Where(n => n > 0).ToList());
    }
}
