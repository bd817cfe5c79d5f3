using System.Net;
using Azure.Data.Tables;

namespace WellnessPlatform.Integration.Tests;

/// <summary>The case workers' work queue over HTTP on Azurite: a held person is listed, cleared from the queue, and the table agrees.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CareQueueTests(AzuriteFixture fixture)
{
    private const string T = "cq";

    private static string Queue(string tenant, string? query = null) => $"/api/tenants/{tenant}/care-queue{(query is null ? "" : "?" + query)}";

    private TableClient CareQueueTable(string serviceId) => new TableServiceClient(fixture.Azurite.ConnectionString)
        .GetTableClient("T" + serviceId.Replace("-", string.Empty, StringComparison.Ordinal) + "CareQueue");

    [Fact]
    public async Task A_person_held_at_screening_without_an_incident_is_listed_awaiting_clearance_and_cleared_from_the_queue()
    {
        var serviceId = AzuriteFixture.NewServiceId();
        await using var platform = fixture.NewPlatform(serviceId);
        await platform.CreateTenantAsync(T, "warehouse");
        await platform.ReadyEmployeeAsync(T, "held", "warehouse", pain: 8);
        await platform.ReadyEmployeeAsync(T, "fine", "warehouse");
        var cw = platform.CaseWorker(T);

        var queue = await cw.SendOkAsync(HttpMethod.Get, Queue(T));
        Assert.Equal("awaitingClearance", (string)queue["kind"]!);
        Assert.Equal(1, (int)queue["counts"]!["awaitingClearance"]!);
        Assert.Equal(0, (int)queue["counts"]!["painRising"]!);
        var item = Assert.Single(queue["items"]!.AsArray())!;
        Assert.Equal("held", (string)item["employeeId"]!);
        Assert.Null(item["incidentId"]);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.Parse((string)item["day"]!, System.Globalization.CultureInfo.InvariantCulture));

        // Only "awaiting clearance" and when: nothing of the screening's answers.
        Assert.DoesNotContain("pain", item.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("redFlag", item.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        var clear = item["actions"]!.AsArray().Single(a => (string)a!["name"]! == "clear")!;
        Assert.Equal("PUT", (string)clear["method"]!);
        var cleared = await cw.SendOkAsync(HttpMethod.Put, (string)clear["href"]!, new { note = "seen by GP" });
        Assert.False((bool)cleared["onHold"]!);

        var after = await cw.SendOkAsync(HttpMethod.Get, Queue(T, "kind=awaitingClearance"));
        Assert.Empty(after["items"]!.AsArray());
        Assert.Equal(0, (int)after["counts"]!["awaitingClearance"]!);

        // The table itself: no entry left, and the counts row says zero.
        var rows = new List<TableEntity>();
        await foreach (var row in CareQueueTable(serviceId).QueryAsync<TableEntity>(e => e.PartitionKey == T))
        {
            rows.Add(row);
        }

        var counts = Assert.Single(rows);
        Assert.Equal("~counts", counts.RowKey);
        Assert.Equal(0, counts.GetInt32("AwaitingClearance"));
    }

    [Fact]
    public async Task Only_the_tenants_case_workers_may_read_the_queue()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(T, "warehouse");
        await platform.CreateTenantAsync("cq-other", "warehouse");
        await platform.ReadyEmployeeAsync(T, "held", "warehouse", pain: 8);

        Assert.Equal(HttpStatusCode.Forbidden, (await platform.CaseWorker("cq-other").SendForAsync(HttpMethod.Get, Queue(T))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Hr(T).SendForAsync(HttpMethod.Get, Queue(T))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Admin(T).SendForAsync(HttpMethod.Get, Queue(T))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Employee(T, "held").SendForAsync(HttpMethod.Get, Queue(T))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.CreateClient().SendForAsync(HttpMethod.Get, Queue(T))).Status);

        // The other tenant's own queue knows nothing of this one.
        var theirs = await platform.CaseWorker("cq-other").SendOkAsync(HttpMethod.Get, Queue("cq-other"));
        Assert.Empty(theirs["items"]!.AsArray());
        Assert.Equal(0, (int)theirs["counts"]!["awaitingClearance"]!);
    }

    [Theory]
    [InlineData("kind=held", "kind")]
    [InlineData("kind=1", "kind")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task Bad_query_input_is_a_problem_naming_the_field(string query, string field)
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(T, "warehouse");

        var (status, problem) = await platform.CaseWorker(T).SendForAsync(HttpMethod.Get, Queue(T, query));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Fact]
    public async Task A_continuation_token_that_is_not_ours_is_a_problem_naming_it()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(T, "warehouse");

        var (status, problem) = await platform.CaseWorker(T).SendForAsync(HttpMethod.Get, Queue(T, "continuationToken=" + new string('x', 600)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]!["continuationToken"]);
    }

    [Fact]
    public async Task Pages_of_a_kind_hold_every_entry_once()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(T, "warehouse");
        foreach (var id in new[] { "h-1", "h-2", "h-3" })
        {
            await platform.ReadyEmployeeAsync(T, id, "warehouse", pain: 9);
        }

        var cw = platform.CaseWorker(T);
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await cw.SendOkAsync(HttpMethod.Get, Queue(T, "pageSize=2" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token))));
            Assert.Equal(3, (int)page["counts"]!["awaitingClearance"]!);
            seen.AddRange(page["items"]!.AsArray().Select(i => (string)i!["employeeId"]!));
            token = (string?)page["continuationToken"];
        }
        while (token is not null);

        Assert.Equal(["h-1", "h-2", "h-3"], seen);
    }

    [Fact]
    public async Task A_reported_case_is_a_new_incident_and_restricted_duty_shows_its_end_date()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        var incidentId = await platform.TenantWithReportedIncidentAsync(T, "r-1", "warehouse");
        var cw = platform.CaseWorker(T);

        var fresh = await cw.SendOkAsync(HttpMethod.Get, Queue(T, "kind=newIncident"));
        Assert.Equal(1, (int)fresh["counts"]!["newIncident"]!);
        var item = Assert.Single(fresh["items"]!.AsArray())!;
        Assert.Equal(incidentId, (string)item["incidentId"]!);
        Assert.Contains(item["actions"]!.AsArray(), a => (string)a!["name"]! == "openCase");

        var moves = $"/api/tenants/{T}/incidents/{incidentId}/transitions";
        await cw.SendOkAsync(HttpMethod.Post, moves, new { to = "triaged" });
        await cw.SendOkAsync(HttpMethod.Post, moves, new { to = "inTreatment" });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (status, problem) = await cw.SendForAsync(HttpMethod.Post, moves, new { to = "restrictedDuty", until = today.AddDays(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]!["until"]);

        var moved = await cw.SendOkAsync(HttpMethod.Post, moves, new { to = "restrictedDuty", until = today.AddDays(10) });
        Assert.Equal(today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string)moved["restrictedUntil"]!);

        var restricted = await cw.SendOkAsync(HttpMethod.Get, Queue(T, "kind=restrictedDuty"));
        Assert.Equal(0, (int)restricted["counts"]!["newIncident"]!);
        Assert.Equal(1, (int)restricted["counts"]!["restrictedDuty"]!);
        Assert.Equal(today.AddDays(10), DateOnly.Parse((string)Assert.Single(restricted["items"]!.AsArray())!["day"]!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
