namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// What the tenant's counters keep once weeks are released. A released week is stored by the tenant
/// as it was shown and never recomputed, so its per-week counters are no longer needed; membership
/// (joins and leaves) is a running sum, so those of released weeks fold into one undated counter per
/// department instead of being dropped. Applied the same way to the shards' counters and to the
/// recomputation that reconciles them.
/// </summary>
public static class CounterRetention
{
    /// <summary>The week label of folded membership counters: it sorts before every ISO week.</summary>
    public const string FoldedWeek = "";

    /// <summary>Where a counter lives once weeks up to <paramref name="releasedThrough"/> are released: itself, folded, or nowhere (null).</summary>
    public static CellKey? Retain(CellKey key, string? releasedThrough)
    {
        if (releasedThrough is null || key.Week.Length == 0 || string.CompareOrdinal(key.Week, releasedThrough) > 0)
        {
            return key;
        }

        return key.Metric is Metric.Joined or Metric.Left ? key with { Week = FoldedWeek } : null;
    }

    /// <summary>Counters as they stand once weeks up to <paramref name="releasedThrough"/> are released.</summary>
    public static Dictionary<CellKey, long> Apply(IEnumerable<KeyValuePair<CellKey, long>> counters, string? releasedThrough)
    {
        var result = new Dictionary<CellKey, long>();
        foreach (var (key, value) in counters)
        {
            if (Retain(key, releasedThrough) is { } kept)
            {
                var sum = result.GetValueOrDefault(kept) + value;
                if (sum == 0)
                {
                    result.Remove(kept);
                }
                else
                {
                    result[kept] = sum;
                }
            }
        }

        return result;
    }
}
