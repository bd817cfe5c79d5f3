using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Grains.Tests;

/// <summary>What a shard must hold after one person left through erasure, however many times it was asked.</summary>
internal static class DepartureAssertions
{
    /// <summary>The counters hold one join and one leave; the departed share is the leaver's, once.</summary>
    public static async Task AssertLeftOnceAsync(IGrainFactory grains, string shardKey)
    {
        var shard = grains.GetGrain<ITenantAggregateShardGrain>(shardKey);
        var counters = await shard.GetCountersAsync();
        Assert.Equal(1, counters.Where(kv => kv.Key.Metric == Metric.Left).Sum(kv => kv.Value));
        Assert.Equal(1, counters.Where(kv => kv.Key.Metric == Metric.Joined).Sum(kv => kv.Value));
        var departed = await shard.GetDepartedAsync();
        Assert.Equal(1, departed.Where(kv => kv.Key.Metric == Metric.Left).Sum(kv => kv.Value));
        Assert.Equal(1, departed.Where(kv => kv.Key.Metric == Metric.Joined).Sum(kv => kv.Value));
        Assert.Equal(1, departed.Where(kv => kv.Key.Metric == Metric.Sessions).Sum(kv => kv.Value));
    }
}
