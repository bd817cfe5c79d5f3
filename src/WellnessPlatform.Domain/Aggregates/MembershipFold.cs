using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// Keeps a person's department history short without changing what they contribute. A closed period
/// adds one join and one leave (<see cref="Contribution.Compute"/>); once the week that closed it is
/// released, the tenant holds those two counters folded per department, and no rule reads the
/// period's dates again. Such periods fold into a tally of the same shape.
/// </summary>
public static class MembershipFold
{
    /// <summary>How many of the oldest periods can fold: those ended by a move in a week the tenant has released. Never the last.</summary>
    public static int Foldable(IReadOnlyList<DepartmentPeriod> periods, string? releasedThrough)
    {
        var count = 0;
        while (releasedThrough is not null && count + 1 < periods.Count
            && string.CompareOrdinal(LocalCalendar.IsoWeek(periods[count + 1].From), releasedThrough) <= 0)
        {
            count++;
        }

        return count;
    }

    /// <summary>The dated joins and leaves the first <paramref name="count"/> periods contribute, exactly as <see cref="Contribution.Compute"/> emits them.</summary>
    public static Dictionary<CellKey, long> Contributed(IReadOnlyList<DepartmentPeriod> periods, int count)
    {
        var result = new Dictionary<CellKey, long>();
        for (var i = 0; i < count; i++)
        {
            var joined = new CellKey(LocalCalendar.IsoWeek(periods[i].From), periods[i].Department, Metric.Joined);
            var left = new CellKey(LocalCalendar.IsoWeek(periods[i + 1].From), periods[i].Department, Metric.Left);
            result[joined] = result.GetValueOrDefault(joined) + 1;
            result[left] = result.GetValueOrDefault(left) + 1;
        }

        return result;
    }

    /// <summary>The tally with <paramref name="periods"/> added, one entry per department, in first-folded order.</summary>
    public static List<FoldedMembership> Tally(IEnumerable<FoldedMembership> tally, IEnumerable<DepartmentPeriod> periods)
    {
        var result = tally.ToList();
        foreach (var period in periods)
        {
            var i = result.FindIndex(f => f.Department == period.Department);
            if (i < 0)
            {
                result.Add(new FoldedMembership(period.Department, 1));
            }
            else
            {
                result[i] = result[i] with { Periods = result[i].Periods + 1 };
            }
        }

        return result;
    }

    /// <summary>The tally as the tenant keeps released membership: undated joins and leaves per department.</summary>
    public static Dictionary<CellKey, long> Counters(IEnumerable<FoldedMembership> tally)
    {
        var result = new Dictionary<CellKey, long>();
        foreach (var folded in tally)
        {
            result[new CellKey(CounterRetention.FoldedWeek, folded.Department, Metric.Joined)] = folded.Periods;
            result[new CellKey(CounterRetention.FoldedWeek, folded.Department, Metric.Left)] = folded.Periods;
        }

        return result;
    }
}
