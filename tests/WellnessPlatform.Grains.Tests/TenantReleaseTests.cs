using System.Text.Json;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Privacy;
using WellnessPlatform.Domain.Tenants;

namespace WellnessPlatform.Grains.Tests;

/// <summary>Weeks are released once and kept; noisy rates are drawn once and paid for once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantReleaseTests(ClusterFixture fixture)
{
    private const string Week = "2026-W40";

    private async Task ApplyAsync(string tenant, int sequence, Dictionary<CellKey, long> counters) =>
        await fixture.Client.GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard(tenant, 0)).ApplyAsync(Guid.NewGuid(), [new OutboxEntry(sequence, counters)], 0);

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static Dictionary<CellKey, long> Group(string week, string dept, int people, int active, int met) => new()
    {
        [new(week, dept, Metric.Joined)] = people, [new(week, dept, Metric.Active)] = active, [new(week, dept, Metric.Sessions)] = active * 3,
        [new(week, dept, Metric.MetTarget)] = met, [new(week, dept, Metric.StreakWeeks, 1)] = active,
    };

    [Fact]
    public async Task A_released_week_never_changes_whatever_arrives_later_or_whichever_range_is_asked()
    {
        using var scope = new TenantScope("frozen");
        await fixture.CreateTenantAsync("frozen", "ops", "plant");
        await ApplyAsync("frozen", 1, Group(Week, "ops", 12, 8, 5));
        await ApplyAsync("frozen", 1, Group(Week, "plant", 9, 6, 2));
        var tenant = fixture.Client.GetGrain<ITenantGrain>("frozen");
        var first = (await tenant.GetAdherenceAsync(30)).Value!.Weeks.Single(w => w.Week == Week);
        Assert.Equal(8, first.Departments["ops"].Active);

        // A history imported later for someone who "was there" in that week would otherwise show as a difference of one.
        await ApplyAsync("frozen", 1, new Dictionary<CellKey, long> { [new(Week, "ops", Metric.Joined)] = 1, [new(Week, "ops", Metric.Active)] = 1, [new(Week, "ops", Metric.Sessions)] = 4 });

        foreach (var weeks in new[] { 10, 30, 104 })
        {
            Assert.Equal(Json(first), Json((await tenant.GetAdherenceAsync(weeks)).Value!.Weeks.Single(w => w.Week == Week)));
        }
    }

    [Fact]
    public async Task Noisy_rates_are_released_once_each_and_withheld_when_the_budget_is_spent()
    {
        using var scope = new TenantScope("dp");
        var config = new TenantConfig("DP employer", ["ops", "plant"], "Etc/UTC", new PrivacyThresholds(3, 3), PlanSettings.Default, null, null, 1,
            new DifferentialPrivacySettings(true, 0.5, 2.0));
        var tenant = fixture.Client.GetGrain<ITenantGrain>("dp");
        Assert.True((await tenant.ConfigureAsync(config)).IsOk);
        await ApplyAsync("dp", 1, Group("2026-W40", "ops", 12, 8, 5));
        await ApplyAsync("dp", 1, Group("2026-W41", "plant", 9, 6, 2));

        var report = (await tenant.GetAdherenceAsync(104)).Value!;
        var again = (await tenant.GetAdherenceAsync(104)).Value!;

        // Four shares wanted (ops and total in W40, plant and total from W41 on…), budget for four at 0.5 each: the rest withheld.
        var cells = report.Weeks.SelectMany(w => w.Departments.Values.Append(w.Total)).ToList();
        Assert.Equal(4, cells.Count(c => c.RatesNoised));
        Assert.All(cells.Where(c => c.RatesNoised), c => Assert.Null(c.MeetingTarget));
        Assert.Contains(cells, c => c.RatesWithheld && c.ShareMeetingTarget is null);
        Assert.Equal(2.0, report.DifferentialPrivacy!.Spent);
        Assert.NotNull(report.DifferentialPrivacy.Note);
        Assert.Equal(Json(report.Weeks), Json(again.Weeks)); // the same noisy values: nothing to average away
        Assert.Equal(2.0, again.DifferentialPrivacy!.Spent);

        var off = await tenant.ConfigureAsync(config with { DifferentialPrivacy = null });
        Assert.Equal("differentialPrivacy.enabled", Assert.Single(off.Errors).Field);
    }
}
