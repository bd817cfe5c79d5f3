using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Plans;
using static System.DayOfWeek;

namespace WellnessPlatform.Domain.Tests;

public sealed class ContributionTests
{
    private static readonly DateOnly Start = History.Monday1;

    private static Dictionary<CellKey, long> Of(History history, DateOnly today, params DepartmentPeriod[] departments)
    {
        var report = history.On(today);
        var sessions = report.Weeks.ToDictionary(w => w.Monday, w => w.DaysDone);
        return Contribution.Compute(new ContributionInput(report, sessions, [], history.Baseline, departments, ScreeningHeld: false));
    }

    private static Dictionary<CellKey, long> Apply(Dictionary<CellKey, long> counters, IReadOnlyDictionary<CellKey, long> delta)
    {
        foreach (var (k, v) in delta)
        {
            counters[k] = counters.GetValueOrDefault(k) + v;
            if (counters[k] == 0)
            {
                counters.Remove(k);
            }
        }

        return counters;
    }

    [Fact]
    public void A_person_contributes_membership_activity_and_target_counts_per_week()
    {
        var history = new History().Sessions(1, Monday, Wednesday, Friday);
        var c = Of(history, History.Week(2, Monday), new DepartmentPeriod("office", Start));

        Assert.Equal(1, c[new CellKey("2026-W41", "office", Metric.Joined)]);
        Assert.Equal(1, c[new CellKey("2026-W41", "office", Metric.Active)]);
        Assert.Equal(3, c[new CellKey("2026-W41", "office", Metric.Sessions)]);
        Assert.Equal(1, c[new CellKey("2026-W41", "office", Metric.MetTarget)]);
        Assert.False(c.ContainsKey(new CellKey("2026-W42", "office", Metric.Active)));
        Assert.Equal(1, c[new CellKey(string.Empty, "office", Metric.ScreenedClear)]);
    }

    [Fact]
    public void A_department_move_leaves_one_and_joins_the_other()
    {
        var history = new History();
        var c = Of(history, History.Week(3, Monday), new DepartmentPeriod("office", Start), new DepartmentPeriod("warehouse", History.Week(2, Wednesday)));

        Assert.Equal(1, c[new CellKey("2026-W42", "office", Metric.Left)]);
        Assert.Equal(1, c[new CellKey("2026-W42", "warehouse", Metric.Joined)]);
    }

    [Fact]
    public void Sending_only_differences_adds_up_to_the_full_contribution_after_a_late_entry()
    {
        var dept = new DepartmentPeriod("office", Start);
        var history = new History().Sessions(1, Monday, Wednesday);
        var tuesday = History.Week(2, Tuesday);
        var counters = new Dictionary<CellKey, long>();

        var first = Of(history, tuesday, dept);
        var (d1, emitted) = Contribution.Diff(new Dictionary<CellKey, long>(), first, DateOnly.MinValue, Contribution.OpenFrom(tuesday));
        Apply(counters, d1);

        history.Sessions(1, Sunday); // remembered late: last week now meets its target
        var second = Of(history, tuesday, dept);
        var (d2, _) = Contribution.Diff(emitted, second, Contribution.OpenFrom(tuesday), Contribution.OpenFrom(tuesday));
        Apply(counters, d2);

        Assert.Equal(second.OrderBy(kv => kv.Key.ToString()), counters.OrderBy(kv => kv.Key.ToString()));
        Assert.Equal(1, d2[new CellKey("2026-W41", "office", Metric.MetTarget)]);
        Assert.Equal(1, d2[new CellKey("2026-W41", "office", Metric.Sessions)]);
    }

    [Fact]
    public void Nothing_is_owed_when_nothing_changed()
    {
        var dept = new DepartmentPeriod("office", Start);
        var history = new History().Sessions(1, Monday);
        var today = History.Week(1, Friday);
        var c = Of(history, today, dept);
        var (_, emitted) = Contribution.Diff(new Dictionary<CellKey, long>(), c, DateOnly.MinValue, Contribution.OpenFrom(today));

        var (delta, _) = Contribution.Diff(emitted, Of(history, today, dept), Contribution.OpenFrom(today), Contribution.OpenFrom(today));

        Assert.Empty(delta);
    }

    [Fact]
    public void Weeks_that_can_no_longer_change_are_dropped_from_what_the_employee_remembers()
    {
        var dept = new DepartmentPeriod("office", Start);
        var history = new History().Sessions(1, Monday, Wednesday, Friday);
        var today = History.Week(8, Monday);
        var (_, emitted) = Contribution.Diff(new Dictionary<CellKey, long>(), Of(history, today, dept), DateOnly.MinValue, Contribution.OpenFrom(today));

        Assert.DoesNotContain(emitted.Keys, k => k.Metric == Metric.Active);
        Assert.Contains(emitted.Keys, k => k.Metric == Metric.Joined);
    }

    [Fact]
    public void Pain_change_is_the_last_check_in_of_the_week_against_the_baseline()
    {
        var history = new History { Baseline = 6 };
        var report = history.On(History.Week(2, Monday));
        var c = Contribution.Compute(new ContributionInput(report, new Dictionary<DateOnly, int>(),
            [new PainPoint(History.Week(1, Tuesday), 5), new PainPoint(History.Week(1, Friday), 4)], 6,
            [new DepartmentPeriod("office", Start)], ScreeningHeld: false));

        Assert.Equal(-2, c[new CellKey("2026-W41", "office", Metric.PainChangeSum)]);
        Assert.Equal(1, c[new CellKey("2026-W41", "office", Metric.PainChangeCount)]);
    }

    [Fact]
    public void A_week_is_open_to_corrections_while_the_longest_late_entry_can_reach_it()
    {
        var today = new DateOnly(2026, 11, 25);
        Assert.Equal(new DateOnly(2026, 11, 16), Contribution.OpenFrom(today));
        Assert.Equal(WeekStatus.Met, new History().Sessions(1, Monday, Tuesday, Wednesday).On(History.Week(2, Monday)).Weeks[0].Status);
    }
}
