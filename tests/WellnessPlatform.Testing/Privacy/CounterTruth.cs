using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Testing.Privacy;

/// <summary>
/// The ground truth behind the releases: the tenant's exact counters at each time HR asked. Judges a
/// finding: it is a recovery when it gives the true value of a figure about 1 to k − 1 people, a
/// membership change of 1 to k − 1 people, or when two answers about the same closed week differ.
/// </summary>
public sealed class CounterTruth(int participationThreshold, int healthThreshold)
{
    private readonly SortedDictionary<int, IReadOnlyDictionary<CellKey, long>> _times = [];

    public void Record(int time, IReadOnlyDictionary<CellKey, long> counters) => _times[time] = new Dictionary<CellKey, long>(counters);

    public bool IsRecovery(Finding f) => f.Attack switch
    {
        "inconsistent" => true,
        "band" => f.Value is > 0 && f.Value < participationThreshold,
        "row" => _times.Values.Any(c => SmallAndTrue(c, f.Week, f.Groups, f.Metric, f.Value)),
        "direct" => _times.Values.Any(c => Size(c, f.Week, f.Groups, f.Metric) is > 0 and var n && n < Threshold(f.Metric)),
        "membership" => _times.Values.Any(c => Events(c, f.FromWeek!, f.Week, f.Groups[0]) is > 0 and var n && n < participationThreshold
            && Enrolled(c, f.Week, f.Groups[0]) - Enrolled(c, f.FromWeek!, f.Groups[0]) == f.Value),
        "standing" => Standing(f),
        _ => throw new ArgumentException($"Unknown attack {f.Attack}."),
    };

    private int Threshold(string metric) => metric == "averagePainChange" ? healthThreshold : participationThreshold;

    private bool SmallAndTrue(IReadOnlyDictionary<CellKey, long> c, string week, IReadOnlyList<string> groups, string metric, double value)
    {
        var size = Size(c, week, groups, metric);
        var truth = groups.Sum(g => metric switch
        {
            "enrolled" => Enrolled(c, week, g),
            "active" => Count(c, week, g, Metric.Active),
            "meetingTarget" => Count(c, week, g, Metric.MetTarget),
            "sessions" => Count(c, week, g, Metric.Sessions),
            _ => double.NaN,
        });
        return size > 0 && size < Threshold(metric) && truth == value;
    }

    /// <summary>How many people a figure describes: enrolled people, active people (sessions, per active) or people with a check-in (pain).</summary>
    private static long Size(IReadOnlyDictionary<CellKey, long> c, string week, IReadOnlyList<string> groups, string metric) =>
        Expand(c, groups).Sum(g => metric switch
        {
            "sessions" or "sessionsPerActive" or "medianStreakWeeks" => Count(c, week, g, Metric.Active),
            "averagePainChange" => Count(c, week, g, Metric.PainChangeCount),
            _ => Enrolled(c, week, g),
        });

    private static IEnumerable<string> Expand(IReadOnlyDictionary<CellKey, long> c, IReadOnlyList<string> groups) =>
        groups.Count == 1 && groups[0].Length == 0 ? c.Keys.Select(k => k.Department).Distinct() : groups;

    private static long Count(IReadOnlyDictionary<CellKey, long> c, string week, string group, Metric metric) =>
        c.Where(kv => kv.Key.Week == week && kv.Key.Metric == metric && (group.Length == 0 || kv.Key.Department == group)).Sum(kv => kv.Value);

    public static long Enrolled(IReadOnlyDictionary<CellKey, long> c, string week, string group) =>
        c.Where(kv => kv.Key.Metric is Metric.Joined or Metric.Left && (group.Length == 0 || kv.Key.Department == group) && string.CompareOrdinal(kv.Key.Week, week) <= 0)
            .Sum(kv => kv.Key.Metric == Metric.Joined ? kv.Value : -kv.Value);

    /// <summary>Joins plus leaves after <paramref name="fromWeek"/> up to and including <paramref name="toWeek"/>.</summary>
    public static long Events(IReadOnlyDictionary<CellKey, long> c, string fromWeek, string toWeek, string group) =>
        c.Where(kv => kv.Key.Metric is Metric.Joined or Metric.Left && (group.Length == 0 || kv.Key.Department == group)
                && string.CompareOrdinal(kv.Key.Week, fromWeek) > 0 && string.CompareOrdinal(kv.Key.Week, toWeek) <= 0)
            .Sum(kv => kv.Value);

    private bool Standing(Finding f)
    {
        if (!_times.TryGetValue(f.FromTime, out var before) || !_times.TryGetValue(f.ToTime, out var after))
        {
            return false;
        }

        var (b, a) = (ScreeningCounts.From(before), ScreeningCounts.From(after));
        var changed = Math.Max(Math.Abs(a.Held - b.Held), Math.Max(Math.Abs(a.Clear - b.Clear), Math.Abs(a.Screened - b.Screened)));
        var truth = f.Metric == "held" ? a.Held - b.Held : a.Screened - b.Screened;
        return changed > 0 && changed < healthThreshold && truth == f.Value;
    }
}
