using System.Net;
using WellnessPlatform.Domain.Aggregates;
using Azure.Data.Tables;

namespace WellnessPlatform.Integration.Tests;

/// <summary>The whole path: HTTP → employee grain → Azure Table on Azurite → tenant aggregate → HR read.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SessionFlowTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task A_logged_session_reaches_the_streak_and_the_tenant_aggregate_and_survives_a_restart_of_silo_and_storage()
    {
        var service = AzuriteFixture.NewServiceId();
        string day;
        await using (var platform = fixture.NewPlatform(service))
        {
            await platform.CreateTenantAsync("acme", "office", "plant");
            var people = new List<(HttpClient Http, string Path)>();
            for (var i = 0; i < 3; i++)
            {
                people.Add(await platform.ReadyEmployeeAsync("acme", $"e{i}", "office"));
            }

            var receipt = await people[0].Http.LogSessionAsync(people[0].Path, "first");
            day = (string)receipt["session"]!["day"]!;
            await people[1].Http.LogSessionAsync(people[1].Path, "first");
            await people[2].Http.LogSessionAsync(people[2].Path, "first");

            var progress = await people[0].Http.SendOkAsync(HttpMethod.Get, $"{people[0].Path}/progress");
            Assert.Equal(1, (int)progress["daysDoneThisWeek"]!);
            Assert.Equal(day, (string)progress["sessionDays"]![0]!);

            var week = await platform.WeekCountersAsync("acme", day);
            Assert.Equal(3, week("office", Metric.Joined));
            Assert.Equal(3, week("office", Metric.Active));
            Assert.Equal(3, week("office", Metric.Sessions));
        }

        // Everything stops: the silo, then the storage emulator itself.
        await fixture.Azurite.StopAsync();
        await fixture.Azurite.StartAsync();

        await using (var platform = fixture.NewPlatform(service))
        {
            var e0 = platform.Employee("acme", "e0");
            var sessions = await e0.SendOkAsync(HttpMethod.Get, "/api/tenants/acme/employees/e0/sessions");
            Assert.Equal("first", (string)sessions[0]!["clientSessionId"]!);

            var week = await platform.WeekCountersAsync("acme", day);
            Assert.Equal(3, week("office", Metric.Sessions));
            Assert.Equal(3, week("office", Metric.Active));

            // Logging goes on where it left off.
            await e0.LogSessionAsync("/api/tenants/acme/employees/e0", "second");
            week = await platform.WeekCountersAsync("acme", day);
            Assert.Equal(4, week("office", Metric.Sessions));
        }

        // The state is in Azure Table storage, one entity per grain, under this service id.
        var table = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("OrleansGrainState");
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            count += row.PartitionKey.StartsWith(service, StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(count >= 4, $"expected the tenant and employee grains in OrleansGrainState, found {count}");
    }

    [Fact]
    public async Task A_retried_session_is_acknowledged_again_but_counted_once()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync("retry", "office");
        var people = new List<(HttpClient Http, string Path)>();
        for (var i = 0; i < 3; i++)
        {
            people.Add(await platform.ReadyEmployeeAsync("retry", $"e{i}", "office"));
        }

        var (http, path) = people[0];
        var body = new { clientSessionId = "same", exercises = Api.Routine };
        var (firstStatus, first) = await http.SendForAsync(HttpMethod.Post, $"{path}/sessions", body);
        var (againStatus, again) = await http.SendForAsync(HttpMethod.Post, $"{path}/sessions", body);
        await people[1].Http.LogSessionAsync(people[1].Path, "a");
        await people[2].Http.LogSessionAsync(people[2].Path, "a");

        Assert.Equal(HttpStatusCode.Created, firstStatus);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.True((bool)again!["duplicate"]!);
        var week = await platform.WeekCountersAsync("retry", (string)first!["session"]!["day"]!);
        Assert.Equal(3, week("", Metric.Sessions));
        Assert.Single((await http.SendOkAsync(HttpMethod.Get, $"{path}/sessions")).AsArray());
    }

    [Fact]
    public async Task Hr_does_not_see_the_week_in_progress_so_a_session_in_a_small_department_changes_nothing_hr_sees()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync("small", "lab", "office", "plant");
        var people = new List<(HttpClient Http, string Path)>();
        for (var i = 0; i < 4; i++)
        {
            people.Add(await platform.ReadyEmployeeAsync("small", $"l{i}", "lab"));
        }

        people.Add(await platform.ReadyEmployeeAsync("small", "p0", "plant"));
        var hr = platform.Hr("small");
        var before = (await hr.SendOkAsync(HttpMethod.Get, "/api/tenants/small/adherence?weeks=4"))["adherence"]!.ToJsonString();

        var day = "";
        foreach (var (http, path) in people)
        {
            day = (string)(await http.LogSessionAsync(path, "s1"))["session"]!["day"]!;
        }

        // Counted by the tenant (docs/privacy.md: a week is released once it has ended and late entries are in) …
        Assert.Equal(1, (await platform.WeekCountersAsync("small", day))("plant", Metric.Sessions));
        // … but nothing HR can read has moved, so "after minus before" is zero for everyone.
        var after = (await hr.SendOkAsync(HttpMethod.Get, "/api/tenants/small/adherence?weeks=4"))["adherence"]!.ToJsonString();
        Assert.Equal(before, after);
    }
}
