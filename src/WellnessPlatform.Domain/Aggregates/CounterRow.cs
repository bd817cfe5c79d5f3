namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// The counters of one week and department in stored form: the week and department once, then each
/// metric slot with its value. Keeps a shard's stored size at a few bytes per counter instead of
/// repeating two strings in every key.
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.CounterRow")]
public sealed record CounterRow(
    [property: Id(0)] string Week,
    [property: Id(1)] string Department,
    [property: Id(2)] byte[] Slots,
    [property: Id(3)] long[] Values)
{
    // Slot = metric for all but the streak histogram, which takes one slot per bucket after the metrics.
    private const int StreakBase = 16;

    public static List<CounterRow> Pack(IReadOnlyDictionary<CellKey, long> counters) =>
        [.. counters.Where(kv => kv.Value != 0)
            .GroupBy(kv => (kv.Key.Week, kv.Key.Department))
            .OrderBy(g => g.Key.Week, StringComparer.Ordinal).ThenBy(g => g.Key.Department, StringComparer.Ordinal)
            .Select(g => new CounterRow(g.Key.Week, g.Key.Department,
                [.. g.Select(kv => Slot(kv.Key))], [.. g.Select(kv => kv.Value)]))];

    public static void Unpack(IEnumerable<CounterRow> rows, Dictionary<CellKey, long> into)
    {
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Slots.Length; i++)
            {
                var slot = row.Slots[i];
                var key = slot >= StreakBase
                    ? new CellKey(row.Week, row.Department, Metric.StreakWeeks, slot - StreakBase)
                    : new CellKey(row.Week, row.Department, (Metric)slot);
                into[key] = into.GetValueOrDefault(key) + row.Values[i];
            }
        }
    }

    private static byte Slot(CellKey key) => key.Metric == Metric.StreakWeeks
        ? (byte)(StreakBase + Math.Clamp(key.Bucket, 0, CellKey.MaxStreakBucket))
        : (byte)key.Metric;
}
