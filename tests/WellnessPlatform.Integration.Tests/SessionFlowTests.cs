using System.Net;
using Azure.Data.Tables;

namespace WellnessPlatform.Integration.Tests;

/// <summary>The whole path: HTTP → employee grain → Azure Table on Azurite → tenant aggregate → HR read.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SessionFlowTests(AzuriteFixture fixture)
{
    private static string NewServiceId() => "it-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task A_logged_session_reaches_the_streak_and_the_tenant_aggregate_and_survives_a_restart_of_silo_and_storage()
    {
        var service = NewServiceId();
        string day;
        await using (var platform = fixture.NewPlatform(service))
        {
            var http = platform.CreateClient();
            await http.CreateTenantAsync("acme", "office", "plant");
            var paths = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                paths.Add(await http.ReadyEmployeeAsync("acme", $"e{i}", "office"));
            }

            var receipt = await http.LogSessionAsync(paths[0], "first");
            day = (string)receipt["session"]!["day"]!;
            await http.LogSessionAsync(paths[1], "first");
            await http.LogSessionAsync(paths[2], "first");

            var progress = await http.SendOkAsync(HttpMethod.Get, $"{paths[0]}/progress");
            Assert.Equal(1, (int)progress["daysDoneThisWeek"]!);
            Assert.Equal(day, (string)progress["sessionDays"]![0]!);

            var office = (await http.AdherenceWeekAsync("acme", day))["departments"]!["office"]!;
            Assert.Equal(3, (int)office["enrolled"]!);
            Assert.Equal(3, (int)office["active"]!);
            Assert.Equal(3, (int)office["sessions"]!);
        }

        // Everything stops: the silo, then the storage emulator itself.
        await fixture.Azurite.StopAsync();
        await fixture.Azurite.StartAsync();

        await using (var platform = fixture.NewPlatform(service))
        {
            var http = platform.CreateClient();
            var sessions = await http.SendOkAsync(HttpMethod.Get, "/api/tenants/acme/employees/e0/sessions");
            Assert.Equal("first", (string)sessions[0]!["clientSessionId"]!);

            var office = (await http.AdherenceWeekAsync("acme", day))["departments"]!["office"]!;
            Assert.Equal(3, (int)office["sessions"]!);
            Assert.Equal(3, (int)office["active"]!);

            // Logging goes on where it left off.
            await http.LogSessionAsync("/api/tenants/acme/employees/e0", "second");
            office = (await http.AdherenceWeekAsync("acme", day))["departments"]!["office"]!;
            Assert.Equal(4, (int)office["sessions"]!);
        }

        // The state is in Azure Table storage, one entity per grain, under this service id.
        var table = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("OrleansGrainState");
        var rows = table.QueryAsync<TableEntity>(e => e.PartitionKey.CompareTo(service) >= 0, select: ["PartitionKey"]);
        var count = 0;
        await foreach (var row in rows)
        {
            count += row.PartitionKey.StartsWith(service, StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(count >= 4, $"expected the tenant and employee grains in OrleansGrainState, found {count}");
    }

    [Fact]
    public async Task A_retried_session_is_acknowledged_again_but_counted_once()
    {
        await using var platform = fixture.NewPlatform(NewServiceId());
        var http = platform.CreateClient();
        await http.CreateTenantAsync("retry", "office");
        var paths = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            paths.Add(await http.ReadyEmployeeAsync("retry", $"e{i}", "office"));
        }

        var body = new { clientSessionId = "same", exercises = Api.Routine };
        var (firstStatus, first) = await http.SendForAsync(HttpMethod.Post, $"{paths[0]}/sessions", body);
        var (againStatus, again) = await http.SendForAsync(HttpMethod.Post, $"{paths[0]}/sessions", body);
        await http.LogSessionAsync(paths[1], "a");
        await http.LogSessionAsync(paths[2], "a");

        Assert.Equal(HttpStatusCode.Created, firstStatus);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.True((bool)again!["duplicate"]!);
        var week = await http.AdherenceWeekAsync("retry", (string)first!["session"]!["day"]!);
        Assert.Equal(3, (int)week["total"]!["sessions"]!);
        Assert.Single((await http.SendOkAsync(HttpMethod.Get, $"{paths[0]}/sessions")).AsArray());
    }

    [Fact]
    public async Task A_small_department_stays_suppressed_and_its_neighbour_with_it()
    {
        await using var platform = fixture.NewPlatform(NewServiceId());
        var http = platform.CreateClient();
        await http.CreateTenantAsync("small", "lab", "office", "plant");
        var people = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            people.Add(await http.ReadyEmployeeAsync("small", $"l{i}", "lab"));
        }

        for (var i = 0; i < 4; i++)
        {
            people.Add(await http.ReadyEmployeeAsync("small", $"o{i}", "office"));
        }

        people.Add(await http.ReadyEmployeeAsync("small", "p0", "plant"));

        string day = "";
        foreach (var path in people)
        {
            day = (string)(await http.LogSessionAsync(path, "s1"))["session"]!["day"]!;
        }

        var week = await http.AdherenceWeekAsync("small", day);
        var plant = week["departments"]!["plant"]!;
        Assert.True((bool)plant["participationSuppressed"]!);
        Assert.Null(plant["sessions"]);
        Assert.Null(plant["enrolled"]);
        Assert.True((bool)week["departments"]!["office"]!["participationSuppressed"]!); // else plant = total − lab − office
        Assert.Equal(6, (int)week["departments"]!["lab"]!["sessions"]!);
        Assert.Equal(11, (int)week["total"]!["sessions"]!);

        // More activity in the small group does not bring it out of hiding.
        await http.LogSessionAsync(people[^1], "s2");
        week = await http.AdherenceWeekAsync("small", day);
        Assert.True((bool)week["departments"]!["plant"]!["participationSuppressed"]!);
        Assert.Null(week["departments"]!["plant"]!["sessions"]);
        Assert.Equal(12, (int)week["total"]!["sessions"]!);
    }
}
