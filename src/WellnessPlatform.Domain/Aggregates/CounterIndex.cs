namespace WellnessPlatform.Domain.Aggregates;

/// <summary>The tenant's merged counters arranged for reading a week at a time: by week, and membership by department.</summary>
public sealed class CounterIndex
{
    private readonly Dictionary<string, List<KeyValuePair<CellKey, long>>> _byWeek;
    private readonly Dictionary<string, List<KeyValuePair<CellKey, long>>> _membership;

    public CounterIndex(IReadOnlyDictionary<CellKey, long> counters)
    {
        _byWeek = counters.Where(kv => !kv.Key.IsStanding).GroupBy(kv => kv.Key.Week).ToDictionary(g => g.Key, g => g.ToList());
        _membership = counters.Where(kv => kv.Key.Metric is Metric.Joined or Metric.Left)
            .GroupBy(kv => kv.Key.Department).ToDictionary(g => g.Key, g => g.ToList());
        Screening = ScreeningCounts.From(counters);
        Departments = [.. counters.Keys.Where(k => !k.IsStanding || k.Metric is Metric.Joined or Metric.Left).Select(k => k.Department).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Current screening outcomes (standing counters).</summary>
    public ScreeningCounts Screening { get; }

    /// <summary>Every department that has a counter.</summary>
    public IReadOnlyList<string> Departments { get; }

    internal GroupFigures Figures(string department, string week)
    {
        var figures = new GroupFigures();
        foreach (var (key, value) in _membership.GetValueOrDefault(department) ?? [])
        {
            // Enrolment at a week is the running sum of joins and leaves up to it.
            if (string.CompareOrdinal(key.Week, week) <= 0)
            {
                figures.Enrolled += (int)(key.Metric == Metric.Joined ? value : -value);
                figures.MembershipEvents += value;
            }
        }

        foreach (var (key, value) in _byWeek.GetValueOrDefault(week) ?? [])
        {
            if (key.Department == department)
            {
                figures.Apply(key, value);
            }
        }

        return figures;
    }
}
