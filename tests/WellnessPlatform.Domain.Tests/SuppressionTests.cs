using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Domain.Tests;

public sealed class SuppressionTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private const string Week = "2026-W48";

    private static Dictionary<CellKey, long> Counters(params (string Dept, int Enrolled, int Active, int Pain)[] groups)
    {
        var c = new Dictionary<CellKey, long>();
        foreach (var (dept, enrolled, active, pain) in groups)
        {
            c[new CellKey("2026-W40", dept, Metric.Joined)] = enrolled;
            c[new CellKey(Week, dept, Metric.Active)] = active;
            c[new CellKey(Week, dept, Metric.Sessions)] = active * 3;
            c[new CellKey(Week, dept, Metric.MetTarget)] = active;
            c[new CellKey(Week, dept, Metric.StreakWeeks, 2)] = active;
            c[new CellKey(Week, dept, Metric.PainChangeSum)] = -pain;
            c[new CellKey(Week, dept, Metric.PainChangeCount)] = pain;
        }

        return c;
    }

    private static AdherenceWeek Build(Dictionary<CellKey, long> counters, PrivacyThresholds? thresholds = null) =>
        Assert.Single(AdherenceReportBuilder.Build(counters, [.. counters.Keys.Select(k => k.Department).Distinct().Order()], [Monday], thresholds ?? PrivacyThresholds.Default).Weeks);

    [Fact]
    public void Groups_at_or_above_the_threshold_show_their_counts()
    {
        var week = Build(Counters(("a", 12, 8, 0), ("b", 20, 10, 0)));

        Assert.Equal(12, week.Departments["a"].Enrolled);
        Assert.Equal(8, week.Departments["a"].Active);
        Assert.Equal(32, week.Total.Enrolled);
        Assert.Equal(0.563, week.Total.ShareMeetingTarget);
    }

    [Fact]
    public void A_group_below_the_threshold_is_suppressed_and_so_is_its_smallest_neighbour()
    {
        var week = Build(Counters(("big", 30, 20, 0), ("mid", 8, 6, 0), ("small", 3, 3, 0)));

        Assert.True(week.Departments["small"].ParticipationSuppressed);
        Assert.Null(week.Departments["small"].Active);
        Assert.True(week.Departments["mid"].ParticipationSuppressed); // else small = total − big − mid
        Assert.False(week.Departments["big"].ParticipationSuppressed);
        Assert.Equal(38, week.Total.Enrolled); // small's 3 joins are fewer than k changes: not published yet
    }

    [Fact]
    public void Two_small_groups_hide_each_other_without_hiding_more()
    {
        var week = Build(Counters(("big", 30, 20, 0), ("mid", 8, 6, 0), ("s1", 2, 1, 0), ("s2", 4, 2, 0)));

        Assert.True(week.Departments["s1"].ParticipationSuppressed);
        Assert.True(week.Departments["s2"].ParticipationSuppressed);
        Assert.False(week.Departments["mid"].ParticipationSuppressed);
    }

    [Fact]
    public void A_tenant_smaller_than_the_threshold_shows_nothing()
    {
        var week = Build(Counters(("a", 2, 2, 0), ("b", 2, 1, 0)));

        Assert.True(week.Total.ParticipationSuppressed);
        Assert.All(week.Departments.Values, c => Assert.True(c.ParticipationSuppressed));
    }

    [Fact]
    public void With_two_groups_a_small_one_hides_the_other_and_only_the_total_remains()
    {
        var week = Build(Counters(("only", 20, 10, 0), ("tiny", 2, 2, 0)));

        Assert.True(week.Departments["tiny"].ParticipationSuppressed);
        Assert.True(week.Departments["only"].ParticipationSuppressed);
        Assert.Equal(20, week.Total.Enrolled); // tiny's 2 joins wait until k changes have pooled
    }

    [Fact]
    public void Health_figures_need_the_larger_group()
    {
        var week = Build(Counters(("a", 30, 20, 12), ("b", 25, 20, 6), ("c", 25, 20, 11)));

        Assert.False(week.Departments["b"].ParticipationSuppressed);
        Assert.True(week.Departments["b"].HealthSuppressed);
        Assert.Null(week.Departments["b"].AveragePainChange);
        Assert.True(week.Departments["c"].HealthSuppressed); // complementary: smallest other health group
        Assert.Equal(-1.0, week.Departments["a"].AveragePainChange);
        Assert.Equal(-1.0, week.Total.AveragePainChange);
    }

    [Fact]
    public void The_threshold_is_a_tenant_setting_with_a_floor_of_three()
    {
        Assert.NotEmpty(new PrivacyThresholds(2, 10).Validate());
        Assert.Empty(new PrivacyThresholds(3, 3).Validate());

        var week = Build(Counters(("a", 3, 3, 0), ("b", 3, 3, 0)), new PrivacyThresholds(3, 3));
        Assert.Equal(3, week.Departments["a"].Enrolled);
    }

    [Fact]
    public void Enrolment_at_a_week_is_joins_minus_leaves_up_to_that_week_once_k_changes_have_pooled()
    {
        var counters = Counters(("a", 10, 5, 0));
        counters[new CellKey("2026-W45", "a", Metric.Left)] = 5;
        counters[new CellKey("2026-W49", "a", Metric.Left)] = 3; // after the week asked for

        Assert.Equal(5, Build(counters).Departments["a"].Enrolled);
    }
}
