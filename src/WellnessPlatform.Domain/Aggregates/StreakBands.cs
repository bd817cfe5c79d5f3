namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// The streak distribution of a week's active people in bands of whole weeks. Adjacent bands are merged
/// until each holds at least k people, so no band singles out a handful of people (a lone "16+" would).
/// </summary>
internal static class StreakBands
{
    private static readonly (int From, int To)[] Base = [(0, 0), (1, 1), (2, 3), (4, 7), (8, 15), (16, CellKey.MaxStreakBucket)];

    public static Dictionary<string, int>? Release(long[] histogram, int active, int k)
    {
        if (active < k)
        {
            return null;
        }

        var bands = new List<(int From, int To, long People)>();
        var from = -1;
        long people = 0;
        foreach (var (lo, hi) in Base)
        {
            from = from < 0 ? lo : from;
            people += histogram.Skip(lo).Take(hi - lo + 1).Sum();
            if (people >= k)
            {
                bands.Add((from, hi, people));
                from = -1;
                people = 0;
            }
        }

        if (from >= 0 && bands.Count > 0)
        {
            var last = bands[^1];
            bands[^1] = (last.From, CellKey.MaxStreakBucket, last.People + people);
        }

        return bands.ToDictionary(b => Label(b.From, b.To), b => (int)b.People);
    }

    private static string Label(int from, int to) =>
        to == CellKey.MaxStreakBucket ? $"{from}+" : from == to ? $"{from}" : $"{from}-{to}";
}
