using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Domain.Tests;

/// <summary>The rules of docs/privacy.md, one at a time.</summary>
public sealed class PrivacyRulesTests
{
    private static readonly PrivacyThresholds K5 = new(5, 10);

    private static void Group(Dictionary<CellKey, long> c, string week, string dept, int active, int sessions, int painCount = 0)
    {
        c[new CellKey(week, dept, Metric.Active)] = active;
        c[new CellKey(week, dept, Metric.Sessions)] = sessions;
        c[new CellKey(week, dept, Metric.StreakWeeks, 1)] = active;
        c[new CellKey(week, dept, Metric.PainChangeCount)] = painCount;
        c[new CellKey(week, dept, Metric.PainChangeSum)] = -painCount;
    }

    private static AdherenceWeek Release(Dictionary<CellKey, long> c, string week, MembershipPool? pool = null) =>
        AdherenceReportBuilder.ReleaseWeek(new CounterIndex(c), week, K5, pool ?? new MembershipPool(), ExactRates.Instance);

    [Fact]
    public void Two_hidden_groups_of_one_person_each_pull_in_a_third_so_their_sum_is_not_two_single_people()
    {
        var c = new Dictionary<CellKey, long>
        {
            [new("2026-W01", "big", Metric.Joined)] = 20, [new("2026-W01", "mid", Metric.Joined)] = 7,
            [new("2026-W01", "a", Metric.Joined)] = 1, [new("2026-W01", "b", Metric.Joined)] = 1,
        };

        var week = Release(c, "2026-W02");

        // Alone, a and b hide each other, but total − big − mid = 2 people in two non-empty groups: one each.
        Assert.True(week.Departments["mid"].ParticipationSuppressed);
        Assert.False(week.Departments["big"].ParticipationSuppressed);
    }

    [Fact]
    public void A_single_joiner_does_not_move_the_published_enrolment_until_k_changes_have_pooled()
    {
        var c = new Dictionary<CellKey, long> { [new("2026-W01", "ops", Metric.Joined)] = 12 };
        var pool = new MembershipPool();
        Assert.Equal(12, Release(c, "2026-W01", pool).Departments["ops"].Enrolled);

        c[new("2026-W02", "ops", Metric.Joined)] = 1; // one new enrollee
        Assert.Equal(12, Release(c, "2026-W02", pool).Departments["ops"].Enrolled);

        c[new("2026-W03", "ops", Metric.Left)] = 1; // one leaver
        c[new("2026-W03", "ops", Metric.Joined)] = 3;
        Assert.Equal(15, Release(c, "2026-W03", pool).Departments["ops"].Enrolled); // 5 changes: now published
    }

    [Fact]
    public void A_pooled_enrolment_that_lags_behind_the_active_people_never_shows_more_active_than_enrolled()
    {
        var c = new Dictionary<CellKey, long> { [new("2026-W01", "ops", Metric.Joined)] = 12 };
        var pool = new MembershipPool();
        Release(c, "2026-W01", pool);

        // Three join (fewer than k changes: the published 12 stays) and all fifteen exercise and meet target.
        c[new("2026-W02", "ops", Metric.Joined)] = 3;
        Group(c, "2026-W02", "ops", 15, 45);
        c[new("2026-W02", "ops", Metric.MetTarget)] = 15;
        var week = Release(c, "2026-W02", pool);

        foreach (var cell in week.Departments.Values.Append(week.Total))
        {
            Assert.Equal((12, 12, 12), (cell.Enrolled, cell.Active, cell.MeetingTarget));
            Assert.Equal(1.0, cell.ShareMeetingTarget);
            Assert.Equal(3.0, cell.SessionsPerActive); // per active person as they were: 45 sessions by 15 people
        }
    }

    [Fact]
    public void A_department_whose_true_enrolment_fell_below_k_is_hidden_even_if_its_published_figure_is_larger()
    {
        var c = new Dictionary<CellKey, long>
        {
            [new("2026-W01", "ops", Metric.Joined)] = 6, [new("2026-W01", "big", Metric.Joined)] = 30,
            [new("2026-W02", "ops", Metric.Left)] = 3,
        };
        var pool = new MembershipPool();
        Release(c, "2026-W01", pool);

        Assert.True(Release(c, "2026-W02", pool).Departments["ops"].ParticipationSuppressed);
    }

    [Fact]
    public void Sessions_of_fewer_than_k_active_people_are_hidden_with_a_complement_but_their_count_is_shown()
    {
        var c = new Dictionary<CellKey, long>
        {
            [new("2026-W01", "a", Metric.Joined)] = 10, [new("2026-W01", "b", Metric.Joined)] = 10, [new("2026-W01", "c", Metric.Joined)] = 10,
        };
        Group(c, "2026-W02", "a", 2, 9);
        Group(c, "2026-W02", "b", 8, 20);
        Group(c, "2026-W02", "c", 6, 12);

        var week = Release(c, "2026-W02");

        Assert.Equal(2, week.Departments["a"].Active);
        Assert.Null(week.Departments["a"].Sessions);
        Assert.Null(week.Departments["a"].SessionsPerActive);
        Assert.True(week.Departments["a"].ActivitySuppressed);
        Assert.Null(week.Departments["c"].Sessions); // else a = total − b − c
        Assert.Equal(20, week.Departments["b"].Sessions);
        Assert.Equal(41, week.Total.Sessions);
    }

    [Fact]
    public void Pain_is_hidden_while_the_published_enrolment_is_below_the_health_threshold_even_if_enough_people_checked_in()
    {
        var c = new Dictionary<CellKey, long> { [new("2026-W01", "a", Metric.Joined)] = 9, [new("2026-W01", "b", Metric.Joined)] = 30 };
        var pool = new MembershipPool();
        Release(c, "2026-W01", pool);
        c[new("2026-W02", "a", Metric.Joined)] = 1; // a joiner: published enrolment stays 9
        Group(c, "2026-W02", "a", 10, 20, painCount: 10);
        Group(c, "2026-W02", "b", 20, 40, painCount: 20);

        var week = Release(c, "2026-W02", pool);

        Assert.Equal(9, week.Departments["a"].Enrolled);
        Assert.True(week.Departments["a"].HealthSuppressed); // 10 check-ins against 9 enrolled would show the joiner
        Assert.Equal(-1.0, week.Departments["b"].AveragePainChange);
        Assert.False(week.Total.HealthSuppressed); // what the total gives away about a is a group of 10 check-ins: at least k_h
    }

    [Fact]
    public void Streak_bands_are_merged_until_each_holds_k_people()
    {
        var c = new Dictionary<CellKey, long> { [new("2026-W01", "a", Metric.Joined)] = 20, [new("2026-W02", "a", Metric.Active)] = 12 };
        c[new("2026-W02", "a", Metric.StreakWeeks, 0)] = 6;
        c[new("2026-W02", "a", Metric.StreakWeeks, 1)] = 3;
        c[new("2026-W02", "a", Metric.StreakWeeks, 2)] = 2;
        c[new("2026-W02", "a", Metric.StreakWeeks, 20)] = 1; // a lone long streak

        var bands = Release(c, "2026-W02").StreakBands!;

        Assert.Equal(new Dictionary<string, int> { ["0"] = 6, ["1+"] = 6 }, bands);
    }

    [Fact]
    public void Screening_counts_move_only_when_k_outcomes_have_changed()
    {
        var published = ScreeningCounts.Next(new ScreeningCounts(10, 30), null, 10);
        Assert.Equal(new ScreeningCounts(10, 30), published);

        published = ScreeningCounts.Next(new ScreeningCounts(11, 30), published, 10); // the new joiner was held
        Assert.Equal(new ScreeningCounts(10, 30), published);

        published = ScreeningCounts.Next(new ScreeningCounts(12, 39), published, 10);
        Assert.Equal(new ScreeningCounts(12, 39), published);
        Assert.Equal(new ScreeningSummary(51, 12, false), ScreeningCounts.Summary(published, 10));
        Assert.Equal(new ScreeningSummary(40, null, true), ScreeningCounts.Summary(new ScreeningCounts(3, 37), 10));
    }

    [Fact]
    public void Every_week_range_shows_the_same_figures_for_the_weeks_they_share()
    {
        var tenant = SyntheticTenant.Seeded();
        var counters = tenant.Counters(SyntheticTenant.Weeks - 1);
        var pool = new MembershipPool();
        var index = new CounterIndex(counters);
        var weeks = Enumerable.Range(0, SyntheticTenant.Weeks)
            .Select(i => AdherenceReportBuilder.ReleaseWeek(index, SyntheticTenant.Week(i), K5, pool, ExactRates.Instance)).ToList();

        for (var n = 1; n <= weeks.Count; n++)
        {
            var report = AdherenceReportBuilder.Report(K5, SyntheticTenant.Departments, index.Departments, weeks[^n..], new ScreeningSummary(null, null, true), null);
            Assert.Equal(weeks[^n..], report.Weeks);
        }
    }
}
