using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Tests;

/// <summary>Folding old department periods must change nothing the tenant counts, before or after its release folding.</summary>
public sealed class MembershipFoldTests
{
    private static readonly DateOnly Start = new(2025, 1, 6);

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 30)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_kept_periods_and_the_tally_count_what_all_periods_counted(int seed)
    {
        var random = new Random(seed);
        var departments = new[] { "office", "plant", "warehouse" };
        var periods = new List<DepartmentPeriod> { new(departments[0], Start) };
        for (var day = Start.AddDays(random.Next(1, 9)); periods.Count < 40; day = day.AddDays(random.Next(1, 9)))
        {
            var next = departments[random.Next(departments.Length)];
            if (next != periods[^1].Department)
            {
                periods.Add(new DepartmentPeriod(next, day));
            }
        }

        var today = periods[^1].From.AddDays(3);
        var releasedThrough = LocalCalendar.IsoWeek(periods[random.Next(5, 35)].From.AddDays(random.Next(0, 7)));
        var fold = MembershipFold.Foldable(periods, releasedThrough);
        Assert.InRange(fold, 1, periods.Count - 1);
        Assert.True(string.CompareOrdinal(LocalCalendar.IsoWeek(periods[fold].From), releasedThrough) <= 0);
        Assert.True(fold == periods.Count - 1 || string.CompareOrdinal(LocalCalendar.IsoWeek(periods[fold + 1].From), releasedThrough) > 0);

        var all = Membership(periods, today);
        var kept = Membership(periods.Skip(fold).ToList(), today);
        var contributed = MembershipFold.Contributed(periods, fold);
        var tally = MembershipFold.Tally([], periods.Take(fold));

        // What the grain sends stays the same: all periods = kept periods + what the folded ones contributed.
        Assert.Equal(Sorted(all), Sorted(Sum(kept, contributed)));

        // What reconciliation compares stays the same once the tenant folds its released weeks.
        Assert.Equal(
            Sorted(CounterRetention.Apply(all, releasedThrough)),
            Sorted(CounterRetention.Apply(Sum(kept, MembershipFold.Counters(tally)), releasedThrough)));
        Assert.Equal(fold, tally.Sum(t => t.Periods));
    }

    [Fact]
    public void Nothing_folds_before_a_release_and_the_last_period_never_does()
    {
        var periods = new List<DepartmentPeriod> { new("office", Start), new("plant", Start.AddDays(10)) };
        Assert.Equal(0, MembershipFold.Foldable(periods, null));
        Assert.Equal(0, MembershipFold.Foldable(periods, LocalCalendar.IsoWeek(Start)));
        Assert.Equal(1, MembershipFold.Foldable(periods, "9999-W01"));
    }

    private static Dictionary<CellKey, long> Membership(List<DepartmentPeriod> periods, DateOnly today)
    {
        var report = ProgressEngine.Evaluate(new ProgressInput(periods[0].From, today, new HashSet<DateOnly>(), [], null, [], [], PlanSettings.Default));
        return Contribution.Compute(new ContributionInput(report, new Dictionary<DateOnly, int>(), [], null, periods, null))
            .Where(kv => kv.Key.Metric is Metric.Joined or Metric.Left)
            .ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    private static Dictionary<CellKey, long> Sum(Dictionary<CellKey, long> a, Dictionary<CellKey, long> b)
    {
        var result = new Dictionary<CellKey, long>(a);
        foreach (var (key, value) in b)
        {
            result[key] = result.GetValueOrDefault(key) + value;
        }

        return result;
    }

    private static List<KeyValuePair<CellKey, long>> Sorted(Dictionary<CellKey, long> counters) =>
        [.. counters.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key.Week, StringComparer.Ordinal)
            .ThenBy(kv => kv.Key.Department, StringComparer.Ordinal).ThenBy(kv => kv.Key.Metric)];
}
