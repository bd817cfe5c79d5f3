using Microsoft.Extensions.DependencyInjection;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Integration.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ReconciliationTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task Reconciliation_finds_the_aggregates_exact_and_reports_a_counter_that_drifted()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync("rec", "office", "plant");
        for (var i = 0; i < 6; i++)
        {
            var (http, path) = await platform.ReadyEmployeeAsync("rec", $"e{i}", i % 2 == 0 ? "office" : "plant");
            await http.LogSessionAsync(path, "a");
            await http.LogSessionAsync(path, "a");
            await http.LogSessionAsync(path, "b");
        }

        var admin = platform.Admin("rec");
        var report = await admin.SendOkAsync(HttpMethod.Post, "/api/tenants/rec/reconciliation");
        Assert.Equal(6, (int)report["employees"]!);
        Assert.True((int)report["counters"]! >= 8); // joins, activity, sessions, streaks and screening per department
        Assert.Empty(report["differences"]!.AsArray());
        Assert.True((bool)report["exact"]!);

        // A counter that drifts (here: a correction no employee sent) is reported, without naming anyone.
        var shard = platform.Services.GetRequiredService<IGrainFactory>().GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard("rec", 0));
        // Next week: no one has logged anything there yet, and it cannot have been released.
        var thisWeek = LocalCalendar.IsoWeek(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7));
        using (TenantContext.System(Api.TestActor, "rec"))
        {
            await shard.ApplyAsync(Guid.NewGuid(), [new OutboxEntry(1, new Dictionary<CellKey, long> { [new CellKey(thisWeek, "plant", Metric.Sessions)] = 5 })], 0);
        }

        report = await admin.SendOkAsync(HttpMethod.Post, "/api/tenants/rec/reconciliation");
        var difference = Assert.Single(report["differences"]!.AsArray())!;
        Assert.Equal((thisWeek, "plant", 0L, 5L), ((string)difference["week"]!, (string)difference["department"]!, (long)difference["expected"]!, (long)difference["actual"]!));
        Assert.False((bool)report["exact"]!);
    }

    [Fact]
    public async Task Reconciliation_stays_exact_after_people_are_erased_and_their_share_stays_in_the_totals()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync("rec-erase", "office", "plant");
        var people = new List<(HttpClient Http, string Path)>();
        for (var i = 0; i < 4; i++)
        {
            var (http, path) = await platform.ReadyEmployeeAsync("rec-erase", $"e{i}", i % 2 == 0 ? "office" : "plant");
            await http.LogSessionAsync(path, "a");
            await http.LogSessionAsync(path, "b");
            people.Add((http, path));
        }

        var admin = platform.Admin("rec-erase");
        var before = await platform.ShardTotalsAsync("rec-erase");

        // One erases themselves, one is erased by the tenant admin on their request.
        await people[0].Http.SendOkAsync(HttpMethod.Delete, $"{people[0].Path}?confirm=erase-my-data");
        await admin.SendOkAsync(HttpMethod.Delete, $"{people[1].Path}?confirm=erase-my-data");

        // The totals keep what the two contributed and count two leaves; nothing else moves.
        var after = await platform.ShardTotalsAsync("rec-erase");
        Assert.Equal(2, after.Where(kv => kv.Key.Metric == Metric.Left).Sum(kv => kv.Value));
        Assert.Equal(
            before.Where(kv => kv.Key.Metric is Metric.Sessions or Metric.Joined or Metric.Active).OrderBy(kv => kv.Key.ToString()),
            after.Where(kv => kv.Key.Metric is Metric.Sessions or Metric.Joined or Metric.Active).OrderBy(kv => kv.Key.ToString()));

        // Two members remain to be asked, and the shards' departed share accounts for the other two exactly.
        var report = await admin.SendOkAsync(HttpMethod.Post, "/api/tenants/rec-erase/reconciliation");
        Assert.Equal(2, (int)report["employees"]!);
        Assert.Empty(report["differences"]!.AsArray());
        Assert.True((bool)report["exact"]!);
    }
}
