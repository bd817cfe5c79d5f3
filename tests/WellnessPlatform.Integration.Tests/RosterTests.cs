using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Grains.Roster;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// The roster at employer scale, over HTTP on Azurite: one table row per person read in pages, and the
/// bulk upload with its per-line errors, idempotence and progress. Stored rows are read directly from
/// Azure Table storage, not through the platform's own GET.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RosterTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task Invitations_are_read_a_page_at_a_time_each_person_once_bucket_by_bucket()
    {
        var service = AzuriteFixture.NewServiceId();
        await using var platform = fixture.NewPlatform(service);
        await platform.CreateTenantAsync("paged", "office", "plant");
        var admin = platform.Admin("paged");
        var ids = Enumerable.Range(0, 7).Select(i => $"p{(i * 5) % 7}").ToList();
        foreach (var id in ids)
        {
            await admin.SendOkAsync(HttpMethod.Put, $"/api/tenants/paged/invitations/{id}", new { department = "office" });
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var url = "/api/tenants/paged/invitations?pageSize=3" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = await admin.SendOkAsync(HttpMethod.Get, url);
            Assert.True(page["items"]!.AsArray().Count <= 3);
            Assert.Equal(7, (long)page["total"]!);
            seen.AddRange(page["items"]!.AsArray().Select(i => (string)i!["employeeId"]!));
            token = (string?)page["continuationToken"];
            pages++;
        }
        while (token is not null);

        // Each person once, in storage order: by bucket (a stable hash of the id), then by id.
        Assert.Equal(ids.OrderBy(RosterCursor.BucketOf).ThenBy(id => id, StringComparer.Ordinal), seen);
        Assert.Equal(3, pages);

        var (status, problem) = await admin.SendForAsync(HttpMethod.Get, "/api/tenants/paged/invitations?pageSize=0");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]!["pageSize"]);
        foreach (var bad in new[] { "x", "16.1.", "0.0.", "0.1.P1", "0.1.p1.p2" })
        {
            var (badStatus, badProblem) = await admin.SendForAsync(HttpMethod.Get, "/api/tenants/paged/invitations?continuationToken=" + Uri.EscapeDataString(bad));
            Assert.Equal(HttpStatusCode.BadRequest, badStatus);
            Assert.NotNull(badProblem!["errors"]!["continuationToken"]);
        }

        // Inviting again into the same department writes nothing: the stored row keeps its timestamp.
        var table = Roster(service);
        var partition = RosterTable.PartitionOf("paged", "p1");
        var before = (await table.GetEntityAsync<TableEntity>(partition, "p1")).Value.Timestamp;
        await admin.SendOkAsync(HttpMethod.Put, "/api/tenants/paged/invitations/p1", new { department = "office" });
        Assert.Equal(before, (await table.GetEntityAsync<TableEntity>(partition, "p1")).Value.Timestamp);
        Assert.Equal(7L, await StoredCountAsync(service, "paged"));
    }

    [Fact]
    public async Task A_roster_file_lands_its_valid_lines_reports_each_bad_line_and_the_same_file_twice_changes_nothing()
    {
        var service = AzuriteFixture.NewServiceId();
        await using var platform = fixture.NewPlatform(service);
        await platform.CreateTenantAsync("bulk", "office", "plant", "drivers");
        var admin = platform.Admin("bulk");

        // Someone enrolled before the upload moves with it.
        var (mover, moverPath) = await platform.ReadyEmployeeAsync("bulk", "w-0007", "office");

        var csv = new StringBuilder("name,employeeId,department\n");
        for (var i = 0; i < 250; i++)
        {
            csv.Append(CultureInfoInvariant($"\"Worker, number {i}\",w-{i:D4},{(i == 7 ? "plant" : "office")}\n"));
        }

        csv.Append("Bad id,W_BAD,office\n");           // line 252
        csv.Append("No such department,w-9000,sales\n"); // line 253
        csv.Append("Twice,w-0003,plant\n");             // line 254: already on line 5
        csv.Append("Missing department,w-9001,\n");     // line 255
        var file = csv.ToString();

        var first = await UploadAndWaitAsync(admin, "bulk", file);
        Assert.Equal(("completed", 254, 250, 249, 1, 0, 4), Summary(first));

        // Still completed when read again after its activation is gone, as an admin opening the page later would.
        await platform.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var later = await admin.SendOkAsync(HttpMethod.Get, $"/api/tenants/bulk/invitations/imports/{(string)first["importId"]!}");
        Assert.Equal(("completed", 254, 250, 249, 1, 0, 4), Summary(later));
        var errors = first["errors"]!.AsArray().Select(e => ((int)e!["line"]!, (string)e["field"]!, (string)e["code"]!)).ToList();
        Assert.Equal(
            [(252, "employeeId", "invalid_id"), (253, "department", "unknown_department"), (254, "employeeId", "duplicate"), (255, "department", "required")],
            errors);

        // Read back from storage directly: 250 rows, each whole, and the exact head count.
        var rows = await StoredRowsAsync(service, "bulk");
        Assert.Equal(250, rows.Count);
        Assert.Equal("plant", rows["w-0007"].GetString("Department"));
        Assert.All(rows.Values, r => Assert.False(string.IsNullOrEmpty(r.GetString("Department"))));
        Assert.Equal(250L, await StoredCountAsync(service, "bulk"));
        var status = await mover.SendOkAsync(HttpMethod.Get, moverPath);
        Assert.Equal("plant", (string)status["department"]!);

        // Read back through the API in pages of 100: every stored person exactly once, the last page short.
        var listed = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await admin.SendOkAsync(HttpMethod.Get, "/api/tenants/bulk/invitations?pageSize=100" + (next is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(next)));
            listed.AddRange(page["items"]!.AsArray().Select(i => (string)i!["employeeId"]!));
            next = (string?)page["continuationToken"];
            pages++;
        }
        while (next is not null);

        Assert.Equal(3, pages);
        Assert.Equal(rows.Keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));

        // The same file again: nothing is written, not even a timestamp.
        var second = await UploadAndWaitAsync(admin, "bulk", file);
        Assert.Equal(("completed", 254, 250, 0, 0, 250, 4), Summary(second));
        var again = await StoredRowsAsync(service, "bulk");
        Assert.Equal(rows.ToDictionary(r => r.Key, r => r.Value.ETag), again.ToDictionary(r => r.Key, r => r.Value.ETag));
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_refused_with_the_field_named_and_changes_nothing()
    {
        var service = AzuriteFixture.NewServiceId();
        await using var platform = fixture.NewPlatform(service);
        await platform.CreateTenantAsync("refuse", "office");
        var admin = platform.Admin("refuse");

        foreach (var body in new[] { "id;dept\nw-1;office\n", string.Empty })
        {
            var (status, problem) = await PostCsvAsync(admin, "refuse", body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.NotNull(problem!["errors"]!["file"]);
        }

        var (tooLarge, _) = await PostCsvAsync(admin, "refuse", "employeeId,department\n" + new string('x', 17 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        Assert.Empty(await StoredRowsAsync(service, "refuse"));
    }

    [Fact]
    public async Task Another_tenants_admin_and_other_roles_see_no_upload()
    {
        var service = AzuriteFixture.NewServiceId();
        await using var platform = fixture.NewPlatform(service);
        await platform.CreateTenantAsync("owner", "office");
        await platform.CreateTenantAsync("other", "office");
        var upload = await UploadAndWaitAsync(platform.Admin("owner"), "owner", "employeeId,department\nw-1,office\n");
        var id = (string)upload["importId"]!;

        var (crossTenant, _) = await platform.Admin("other").SendForAsync(HttpMethod.Get, $"/api/tenants/owner/invitations/imports/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, crossTenant);
        var (ownRouteOtherTenant, _) = await platform.Admin("other").SendForAsync(HttpMethod.Get, $"/api/tenants/other/invitations/imports/{id}");
        Assert.Equal(HttpStatusCode.NotFound, ownRouteOtherTenant);
        var (hr, _) = await platform.Hr("owner").SendForAsync(HttpMethod.Get, $"/api/tenants/owner/invitations/imports/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, hr);
        var (employee, _) = await PostCsvAsync(platform.Employee("owner", "w-1"), "owner", "employeeId,department\nw-2,office\n");
        Assert.Equal(HttpStatusCode.Forbidden, employee);
        Assert.Single(await StoredRowsAsync(service, "owner"));
    }

    [Fact]
    public async Task The_roster_stops_at_its_capacity_and_says_how_to_raise_it()
    {
        var service = AzuriteFixture.NewServiceId();
        await using var platform = fixture.NewPlatform(service);
        await platform.Operator().SendOkAsync(HttpMethod.Put, "/api/tenants/small", new
        {
            name = "Small employer", departments = new[] { "office" }, timeZone = "Etc/UTC",
            participationThreshold = 3, healthThreshold = 3, aggregateShards = 1,
        });
        var admin = platform.Admin("small");
        var csv = new StringBuilder("employeeId,department\n");
        for (var i = 0; i <= 6_250; i++)
        {
            csv.Append(CultureInfoInvariant($"c-{i:D5},office\n"));
        }

        var result = await UploadAndWaitAsync(admin, "small", csv.ToString());
        Assert.Equal(6_250, (int)result["created"]!);
        Assert.Equal(1, (int)result["rejected"]!);
        Assert.Equal("roster_full", (string)result["errors"]![0]!["code"]!);

        var (status, problem) = await admin.SendForAsync(HttpMethod.Put, "/api/tenants/small/invitations/late", new { department = "office" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("roster_full", (string)problem!["code"]!);
        Assert.Equal(6_250, (await StoredRowsAsync(service, "small")).Count);
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static (string, int, int, int, int, int, int) Summary(JsonNode s) =>
        ((string)s["phase"]!, (int)s["lines"]!, (int)s["accepted"]!, (int)s["created"]!, (int)s["moved"]!, (int)s["unchanged"]!, (int)s["rejected"]!);

    private TableClient Roster(string service) =>
        new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("T" + service.Replace("-", string.Empty, StringComparison.Ordinal) + "Roster");

    /// <summary>A tenant's rows, read from every bucket partition straight from the table; each must sit in its own bucket.</summary>
    private async Task<Dictionary<string, TableEntity>> StoredRowsAsync(string service, string tenant)
    {
        var rows = new Dictionary<string, TableEntity>();
        var table = Roster(service);
        await table.CreateIfNotExistsAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {tenant + "|"} and PartitionKey lt {tenant + "}"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter))
        {
            if (row.RowKey != RosterTable.CountRow)
            {
                Assert.Equal(RosterTable.PartitionOf(tenant, row.RowKey), row.PartitionKey);
                rows[row.RowKey] = row;
            }
        }

        return rows;
    }

    /// <summary>The head count as stored: the sum of the buckets' count rows.</summary>
    private async Task<long> StoredCountAsync(string service, string tenant)
    {
        var table = Roster(service);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {tenant + "|"} and PartitionKey lt {tenant + "}"} and RowKey eq {RosterTable.CountRow}");
        var total = 0L;
        await foreach (var row in table.QueryAsync<TableEntity>(filter))
        {
            total += row.GetInt64("Count") ?? 0;
        }

        return total;
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PostCsvAsync(HttpClient http, string tenant, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await http.PostAsync($"/api/tenants/{tenant}/invitations/imports", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }

    private static async Task<JsonNode> UploadAndWaitAsync(HttpClient admin, string tenant, string csv)
    {
        var (status, started) = await PostCsvAsync(admin, tenant, csv);
        Assert.True(status == HttpStatusCode.Accepted, $"upload answered {(int)status}: {started}");
        var id = (string)started!["importId"]!;
        for (var i = 0; i < 600; i++)
        {
            var progress = await admin.SendOkAsync(HttpMethod.Get, $"/api/tenants/{tenant}/invitations/imports/{id}");
            if ((string)progress["phase"]! != "running")
            {
                return progress;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The upload did not finish within a minute.");
    }
}
