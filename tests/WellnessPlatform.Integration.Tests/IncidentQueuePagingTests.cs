using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace WellnessPlatform.Integration.Tests;

/// <summary>The incident queue through HTTP on Azurite: one row per case, read a page at a time, and exact counts.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IncidentQueuePagingTests(AzuriteFixture fixture)
{
    private const string T = "pages";

    [Fact]
    public async Task Pages_hold_every_case_once_newest_first_with_the_status_filter_on_every_page_and_exact_counts()
    {
        var serviceId = AzuriteFixture.NewServiceId();
        await using var platform = fixture.NewPlatform(serviceId);
        await platform.CreateTenantAsync(T, "warehouse");
        var (ann, annPath) = await platform.ReadyEmployeeAsync(T, "ann", "warehouse");
        var (bob, bobPath) = await platform.ReadyEmployeeAsync(T, "bob", "warehouse");
        var cw = platform.CaseWorker(T);

        // Seven reports one after another, each sent twice: the retry files nothing new.
        var filed = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var (http, path) = i % 2 == 0 ? (ann, annPath) : (bob, bobPath);
            var report = Api.IncidentReport($"r-{i}");
            var receipt = await http.SendOkAsync(HttpMethod.Post, $"{path}/incidents", report);
            await http.SendOkAsync(HttpMethod.Post, $"{path}/incidents", report);
            filed.Add((string)receipt["case"]!["incidentId"]!);
        }

        // Bob's three cases are triaged (a second triage is refused), one of them moves on.
        foreach (var i in new[] { 1, 3, 5 })
        {
            await cw.SendOkAsync(HttpMethod.Post, $"/api/tenants/{T}/incidents/{filed[i]}/transitions", new { to = "triaged" });
        }

        Assert.Equal(HttpStatusCode.Conflict, (await cw.SendForAsync(HttpMethod.Post, $"/api/tenants/{T}/incidents/{filed[1]}/transitions", new { to = "triaged" })).Status);
        await cw.SendOkAsync(HttpMethod.Post, $"/api/tenants/{T}/incidents/{filed[5]}/transitions", new { to = "inTreatment" });

        var (all, sizes) = await ReadAllAsync(cw, $"/api/tenants/{T}/incidents", "pageSize=3");
        Assert.Equal([3, 3, 1], sizes);
        Assert.Equal(Enumerable.Reverse(filed), all.Select(c => (string)c["incidentId"]!));
        var reportedAt = all.Select(c => (DateTimeOffset)c["reportedAt"]!).ToList();
        Assert.Equal(reportedAt.OrderDescending(), reportedAt);

        var (triaged, triagedSizes) = await ReadAllAsync(cw, $"/api/tenants/{T}/incidents", "status=triaged&pageSize=1");
        Assert.Equal([filed[3], filed[1]], triaged.Select(c => (string)c["incidentId"]!));
        Assert.Equal([1, 1], triagedSizes);
        Assert.All(triaged, c => Assert.Equal("triaged", (string)c["status"]!));

        var (reported, reportedSizes) = await ReadAllAsync(cw, $"/api/tenants/{T}/incidents", "status=reported&maxAgeDays=7&pageSize=3");
        Assert.Equal([filed[6], filed[4], filed[2], filed[0]], reported.Select(c => (string)c["incidentId"]!));
        Assert.Equal([3, 1], reportedSizes);

        // An employee's own list pages the same way and holds only their cases.
        var (bobs, _) = await ReadAllAsync(bob, $"{bobPath}/incidents", "pageSize=2");
        Assert.Equal([filed[5], filed[3], filed[1]], bobs.Select(c => (string)c["incidentId"]!));

        // HR's counts, and the row they come from, are exact after retries and refused steps.
        var counts = (await platform.Hr(T).SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/adherence"))["incidentCounts"]!;
        Assert.Equal(4, (int)counts["reported"]!);
        Assert.Equal(2, (int)counts["triaged"]!);
        Assert.Equal(1, (int)counts["inTreatment"]!);
        Assert.Equal(0, (int)counts["closed"]!);

        var table = new TableServiceClient(fixture.Azurite.ConnectionString)
            .GetTableClient("T" + serviceId.Replace("-", string.Empty, StringComparison.Ordinal) + "Incidents");
        var row = (await table.GetEntityAsync<TableEntity>(T, "~counts")).Value;
        Assert.Equal((4, 2, 1, 0), (row.GetInt32("Reported"), row.GetInt32("Triaged"), row.GetInt32("InTreatment"), row.GetInt32("Closed")));
        var caseRows = new List<TableEntity>();
        await foreach (var r in table.QueryAsync<TableEntity>(e => e.PartitionKey == T))
        {
            caseRows.Add(r);
        }

        Assert.Equal(8, caseRows.Count); // seven cases and the counts row: one row per case, no more
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize", "out_of_range")]
    [InlineData("pageSize=201", "pageSize", "out_of_range")]
    [InlineData("continuationToken={long}", "continuationToken", "invalid")]
    public async Task Paging_parameters_out_of_range_are_refused_naming_the_field(string query, string field, string code)
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(T, "warehouse");
        var (me, path) = await platform.ReadyEmployeeAsync(T, "ann", "warehouse");
        query = query.Replace("{long}", new string('a', 600), StringComparison.Ordinal);
        foreach (var (http, url) in new[] { (platform.CaseWorker(T), $"/api/tenants/{T}/incidents"), (me, $"{path}/incidents") })
        {
            var (status, problem) = await http.SendForAsync(HttpMethod.Get, $"{url}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(code, (string)problem!["codes"]![field]![0]!);
        }
    }

    private static async Task<(List<JsonNode> Items, List<int> Sizes)> ReadAllAsync(HttpClient http, string url, string query)
    {
        var items = new List<JsonNode>();
        var sizes = new List<int>();
        string? token = null;
        do
        {
            var page = await http.SendOkAsync(HttpMethod.Get, $"{url}?{query}" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}"));
            var got = page["items"]!.AsArray().Select(i => i!).ToList();
            items.AddRange(got);
            sizes.Add(got.Count);
            token = (string?)page["continuationToken"];
        }
        while (token is not null);

        Assert.Equal(items.Count, items.Select(i => (string)i["incidentId"]!).Distinct().Count()); // each case once
        return (items, sizes.Where(n => n > 0).ToList());
    }
}
