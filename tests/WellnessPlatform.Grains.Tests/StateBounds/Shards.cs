using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Grains.Tests.StateBounds;

/// <summary>What a test tenant's two shards hold in memory, summed, below the dashboard's suppression.</summary>
internal static class Shards
{
    public static async Task<Dictionary<CellKey, long>> CountersAsync(IClusterClient client, string tenantId)
    {
        var counters = new Dictionary<CellKey, long>();
        for (var i = 0; i < 2; i++)
        {
            foreach (var (key, value) in await client.GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard(tenantId, i)).GetCountersAsync())
            {
                counters[key] = counters.GetValueOrDefault(key) + value;
            }
        }

        return counters;
    }

    /// <summary>Counters in a fixed order with zeros left out, so two sets compare as lists.</summary>
    public static List<KeyValuePair<CellKey, long>> Sorted(IEnumerable<KeyValuePair<CellKey, long>> counters) =>
        [.. counters.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key.Week, StringComparer.Ordinal)
            .ThenBy(kv => kv.Key.Department, StringComparer.Ordinal).ThenBy(kv => kv.Key.Metric).ThenBy(kv => kv.Key.Bucket)];
}
