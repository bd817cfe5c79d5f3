namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// Complementary suppression along one row (the departments of one week and their total). The only
/// thing a reader can work out about the hidden cells is their sum (total minus the visible ones), so
/// that sum must itself describe a group big enough to publish: zero people, or at least k.
/// </summary>
internal static class RowSuppression
{
    /// <summary>
    /// Adds the smallest visible non-empty groups to <paramref name="hidden"/> until the hidden groups
    /// together hold zero or at least <paramref name="k"/> people. Returns true when that cannot be done,
    /// in which case the total must be hidden as well.
    /// </summary>
    public static bool Protect(IReadOnlyDictionary<string, long> sizes, HashSet<string> hidden, int k)
    {
        var residual = hidden.Sum(g => sizes.GetValueOrDefault(g));
        while (residual > 0 && residual < k)
        {
            var partner = sizes.Where(kv => !hidden.Contains(kv.Key) && kv.Value > 0)
                .OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => kv.Key).FirstOrDefault();
            if (partner is null)
            {
                return true;
            }

            hidden.Add(partner);
            residual += sizes[partner];
        }

        return false;
    }
}
