using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// What keeps a shard's state bounded, without losing a count: released weeks leave it (membership
/// folded), and a contributor that has settled is forgotten but never double-counted.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ShardBoundTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_settled_contributor_is_forgotten_and_what_it_sends_next_is_counted_once()
    {
        using var scope = new TenantScope("settle");
        await fixture.CreateTenantAsync("settle", "ops");
        var shard = fixture.Client.GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard("settle", 0));
        var contributor = Guid.NewGuid();
        var key = new CellKey("2026-W48", "ops", Metric.Sessions);
        OutboxEntry Entry(long sequence) => new(sequence, new Dictionary<CellKey, long> { [key] = 1 });

        await shard.ApplyAsync(contributor, [Entry(1), Entry(2)], 0);

        // Settled through 2: the shard forgets the token; the contributor will only ever send 3 and up.
        await shard.ApplyAsync(contributor, [], 2);
        await shard.ApplyAsync(contributor, [Entry(3)], 2);
        await shard.ApplyAsync(contributor, [Entry(3)], 2); // a resend of 3 is still recognised
        Assert.Equal(3, (await shard.GetCountersAsync())[key]);

        // Not settled far enough (1 < 3): nothing is forgotten, so a resend of 3 stays harmless.
        await shard.ApplyAsync(contributor, [Entry(3)], 1);
        Assert.Equal(3, (await shard.GetCountersAsync())[key]);
    }

    [Fact]
    public async Task Released_weeks_leave_the_shards_with_membership_folded_and_the_dashboard_unchanged()
    {
        using var scope = new TenantScope("fold");
        await fixture.CreateTenantAsync("fold", "ops", "plant");
        var today = LocalCalendar.LocalDay(fixture.Clock.GetUtcNow(), TimeZoneInfo.Utc);
        var old = LocalCalendar.IsoWeek(today.AddDays(-35));
        var open = LocalCalendar.IsoWeek(today);
        var shard = fixture.Client.GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard("fold", 0));
        await shard.ApplyAsync(Guid.NewGuid(), [new OutboxEntry(1, new Dictionary<CellKey, long>
        {
            [new(old, "ops", Metric.Joined)] = 9, [new(old, "ops", Metric.Active)] = 6, [new(old, "ops", Metric.Sessions)] = 14,
            [new(old, "plant", Metric.Joined)] = 7, [new(old, "plant", Metric.Left)] = 1,
            [new(open, "ops", Metric.Active)] = 5, [new(open, "ops", Metric.Sessions)] = 5,
        })], 0);

        var tenant = fixture.Client.GetGrain<ITenantGrain>("fold");
        var first = (await tenant.GetAdherenceAsync(8)).Value!;
        var releasedThrough = await tenant.GetReleasedThroughAsync();
        Assert.NotNull(releasedThrough);

        // The shard kept the open week as it was, dropped the released week's activity and folded its joins and leaves.
        var counters = await shard.GetCountersAsync();
        Assert.Equal(5, counters[new(open, "ops", Metric.Active)]);
        Assert.False(counters.ContainsKey(new(old, "ops", Metric.Active)));
        Assert.False(counters.ContainsKey(new(old, "ops", Metric.Joined)));
        Assert.Equal(9, counters[new(CounterRetention.FoldedWeek, "ops", Metric.Joined)]);
        Assert.Equal(1, counters[new(CounterRetention.FoldedWeek, "plant", Metric.Left)]);

        // A late correction to a released week changes nothing, and every read shows the same weeks.
        await shard.ApplyAsync(Guid.NewGuid(), [new OutboxEntry(1, new Dictionary<CellKey, long> { [new(old, "ops", Metric.Active)] = 3 })], 0);
        var second = (await tenant.GetAdherenceAsync(8)).Value!;
        Assert.Equal(
            first.Weeks.Select(w => (w.Week, w.Total.Enrolled, w.Total.Active, w.Total.Sessions)),
            second.Weeks.Select(w => (w.Week, w.Total.Enrolled, w.Total.Active, w.Total.Sessions)));
        Assert.Equal(9, second.Weeks.Single(w => w.Week == old).Departments["ops"].Enrolled);
    }
}
