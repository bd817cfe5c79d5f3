using WellnessPlatform.Domain.Plans;
using static System.DayOfWeek;

namespace WellnessPlatform.Domain.Tests;

public sealed class ProgressEngineTests
{
    private static readonly PlanSettings StayInPhaseOne = PlanSettings.Default with { WeeksAtTargetToPromote = 12 };
    private static readonly PlanSettings DailyOnly = PlanSettings.Default with { PhaseTargets = [7] };

    [Fact]
    public void A_new_plan_starts_at_three_sessions_a_week()
    {
        var report = new History().On(History.Week(1, Monday));

        Assert.Equal(1, report.Phase);
        Assert.Equal(3, report.WeeklyTarget);
        Assert.Equal(StreakUnit.Weeks, report.Unit);
    }

    [Fact]
    public void Weeks_at_target_build_a_weekly_streak()
    {
        var report = new History { Plan = StayInPhaseOne }
            .Sessions(1, Monday, Wednesday, Friday)
            .Sessions(2, Tuesday, Thursday, Saturday)
            .Sessions(3, Monday, Tuesday, Sunday)
            .On(History.Week(4, Monday));

        Assert.Equal(3, report.CurrentStreak);
        Assert.Equal(21, report.CurrentStreakDays);
        Assert.Equal(3, report.LongestStreak);
    }

    [Fact]
    public void Two_sessions_on_one_day_count_as_one_day_toward_the_target()
    {
        // Only distinct days count, so a week with sessions on two days misses a target of three.
        var report = new History { Plan = StayInPhaseOne }
            .Sessions(1, Monday, Wednesday)
            .On(History.Week(2, Monday));

        Assert.Equal(WeekStatus.Missed, report.Weeks[0].Status);
    }

    [Fact]
    public void A_missed_week_breaks_the_streak_but_the_longest_is_kept()
    {
        var report = new History { Plan = StayInPhaseOne }
            .Sessions(1, Monday, Wednesday, Friday)
            .Sessions(2, Monday, Wednesday, Friday)
            .Sessions(3, Monday, Wednesday)
            .Sessions(4, Monday, Wednesday, Friday)
            .On(History.Week(5, Monday));

        Assert.Equal(1, report.CurrentStreak);
        Assert.Equal(2, report.LongestStreak);
        Assert.Equal(WeekStatus.Missed, report.Weeks[2].Status);
    }

    [Fact]
    public void The_week_in_progress_does_not_break_the_streak()
    {
        var report = new History { Plan = StayInPhaseOne }
            .Sessions(1, Monday, Wednesday, Friday)
            .Sessions(2, Monday, Wednesday, Friday)
            .On(History.Week(3, Saturday));

        Assert.Equal(2, report.CurrentStreak);
        Assert.Equal(WeekStatus.InProgress, report.Weeks[^1].Status);
    }

    [Fact]
    public void Meeting_the_target_in_the_current_week_counts_at_once()
    {
        var report = new History { Plan = StayInPhaseOne }
            .Sessions(1, Monday, Tuesday, Wednesday)
            .On(History.Week(1, Wednesday));

        Assert.Equal(1, report.CurrentStreak);
        Assert.Equal(WeekStatus.Met, report.Weeks[0].Status);
    }

    [Fact]
    public void Two_weeks_at_target_move_the_plan_up_one_phase_and_never_straight_to_daily()
    {
        var history = new History()
            .Sessions(1, Monday, Wednesday, Friday)
            .Sessions(2, Monday, Wednesday, Friday);

        var afterTwo = history.On(History.Week(3, Monday));
        Assert.Equal(2, afterTwo.Phase);
        Assert.Equal(5, afterTwo.WeeklyTarget);
        Assert.Equal(new PhaseChange(History.Week(3, Monday), 1, 2, "2 weeks at target"), Assert.Single(afterTwo.PhaseChanges));

        history.Sessions(3, Monday, Tuesday, Wednesday, Thursday, Friday)
            .Sessions(4, Monday, Tuesday, Wednesday, Thursday, Friday);
        var afterFour = history.On(History.Week(5, Monday));
        Assert.Equal(3, afterFour.Phase);
        Assert.Equal(7, afterFour.WeeklyTarget);
        Assert.Equal(StreakUnit.Days, afterFour.Unit);
        Assert.Equal(28, afterFour.CurrentStreak); // four kept weeks, now counted in days
    }

    [Fact]
    public void One_week_at_target_is_not_yet_enough_to_move_up()
    {
        var report = new History().Sessions(1, Monday, Wednesday, Friday).On(History.Week(2, Monday));

        Assert.Equal(1, report.Phase);
        Assert.Equal(1, report.WeeksAtTarget);
        Assert.Equal(1, report.WeeksToPromote);
    }

    [Fact]
    public void Raised_pain_during_the_weeks_at_target_blocks_the_move_up()
    {
        var report = new History { Baseline = 3 }
            .Sessions(1, Monday, Wednesday, Friday)
            .Sessions(2, Monday, Wednesday, Friday)
            .Pain(History.Week(2, Thursday), 6)
            .Pain(History.Week(2, Friday), 3)
            .On(History.Week(3, Monday));

        Assert.Equal(1, report.Phase);
        Assert.False(report.PainRising);
    }

    [Fact]
    public void Rising_pain_moves_the_plan_back_one_phase_and_is_flagged()
    {
        var report = new History { Baseline = 3 }
            .Sessions(1, Monday, Wednesday, Friday)
            .Sessions(2, Monday, Wednesday, Friday)
            .Sessions(3, Monday, Tuesday, Wednesday, Thursday, Friday)
            .Pain(History.Week(3, Tuesday), 5)
            .Pain(History.Week(3, Thursday), 6)
            .On(History.Week(4, Monday));

        Assert.Equal(1, report.Phase);
        Assert.True(report.PainRising);
        Assert.Equal("pain rising", report.PhaseChanges[^1].Reason);
    }

    [Fact]
    public void Rising_pain_never_moves_the_plan_below_the_first_phase()
    {
        var report = new History { Baseline = 2 }
            .Pain(History.Week(1, Monday), 5)
            .Pain(History.Week(1, Tuesday), 6)
            .Pain(History.Week(2, Monday), 7)
            .On(History.Week(3, Monday));

        Assert.Equal(1, report.Phase);
        Assert.True(report.PainRising);
        Assert.Empty(report.PhaseChanges);
    }

    [Fact]
    public void One_raised_check_in_alone_is_not_a_rising_trend()
    {
        var report = new History { Baseline = 3 }
            .Pain(History.Week(1, Monday), 7)
            .On(History.Week(1, Tuesday));

        Assert.False(report.PainRising);
    }

    [Fact]
    public void A_medical_pause_freezes_the_weekly_streak_instead_of_breaking_it()
    {
        var report = new History { Plan = StayInPhaseOne }
            .Sessions(1, Monday, Wednesday, Friday)
            .Sessions(2, Monday, Wednesday, Friday)
            .Pause(History.Week(3, Monday), History.Week(3, Sunday))
            .Sessions(4, Monday, Wednesday, Friday)
            .On(History.Week(5, Monday));

        Assert.Equal(WeekStatus.Frozen, report.Weeks[2].Status);
        Assert.Equal(3, report.CurrentStreak);
    }

    [Fact]
    public void A_partly_paused_week_asks_for_a_proportional_share_of_the_target()
    {
        // Paused Monday to Thursday: three days remain, so ceil(3 × 3/7) = 2 sessions hold the streak.
        var report = new History { Plan = StayInPhaseOne }
            .Sessions(1, Monday, Wednesday, Friday)
            .Pause(History.Week(2, Monday), History.Week(2, Thursday))
            .Sessions(2, Friday, Saturday)
            .On(History.Week(3, Monday));

        Assert.Equal(2, report.Weeks[1].Required);
        Assert.Equal(WeekStatus.Frozen, report.Weeks[1].Status);
        Assert.Equal(1, report.CurrentStreak);
    }

    [Fact]
    public void A_pause_freezes_at_most_ninety_days()
    {
        var history = new History { Plan = StayInPhaseOne }
            .Sessions(1, Monday, Wednesday, Friday)
            .Pause(History.Week(2, Monday), null);

        var within = history.On(History.Week(2, Monday).AddDays(85));
        Assert.Equal(1, within.CurrentStreak);

        var beyond = history.On(History.Week(2, Monday).AddDays(100));
        Assert.Equal(0, beyond.CurrentStreak);
        Assert.Equal(1, beyond.LongestStreak);
    }

    [Fact]
    public void Enrolling_mid_week_asks_only_for_a_share_of_the_first_week()
    {
        var thursday = History.Week(1, Thursday);
        var report = new History { EnrolledOn = thursday, Plan = StayInPhaseOne }
            .Sessions(1, Thursday, Saturday)
            .On(History.Week(2, Monday));

        Assert.Equal(2, report.Weeks[0].Required);
        Assert.NotEqual(WeekStatus.Missed, report.Weeks[0].Status);
    }

    [Fact]
    public void In_the_daily_phase_a_missed_day_breaks_the_streak_but_today_is_still_open()
    {
        var history = new History { Plan = DailyOnly }
            .EveryDay(History.Week(1, Monday), History.Week(1, Thursday));

        var today = history.On(History.Week(1, Friday));
        Assert.Equal(4, today.CurrentStreak);
        Assert.Equal(StreakUnit.Days, today.Unit);

        var dayAfter = history.On(History.Week(1, Saturday));
        Assert.Equal(0, dayAfter.CurrentStreak);
        Assert.Equal(4, dayAfter.LongestStreak);
    }

    [Fact]
    public void A_late_entry_for_yesterday_mends_the_daily_streak()
    {
        var history = new History { Plan = DailyOnly }
            .EveryDay(History.Week(1, Monday), History.Week(1, Friday))
            .Without(History.Week(1, Thursday));
        Assert.Equal(1, history.On(History.Week(1, Friday)).CurrentStreak);

        history.EveryDay(History.Week(1, Thursday), History.Week(1, Thursday));
        Assert.Equal(5, history.On(History.Week(1, Friday)).CurrentStreak);
    }

    [Fact]
    public void Planned_rest_days_freeze_the_daily_streak()
    {
        var report = new History { Plan = DailyOnly }
            .Rest(History.Monday1, Sunday)
            .EveryDay(History.Week(1, Monday), History.Week(1, Saturday))
            .EveryDay(History.Week(2, Monday), History.Week(2, Tuesday))
            .On(History.Week(2, Wednesday));

        Assert.Equal(8, report.CurrentStreak);
    }

    [Fact]
    public void An_earned_freeze_covers_one_missed_day_in_the_daily_phase()
    {
        var end = History.Week(5, Sunday);
        var history = new History { Plan = DailyOnly }
            .EveryDay(History.Week(1, Monday), end.AddDays(3))
            .Without(end.AddDays(2));

        var report = history.On(end.AddDays(4));
        Assert.Equal(37, report.CurrentStreak); // 38 days, one of them covered by the freeze
        Assert.Equal(0, report.FreezesAvailable);
    }

    [Fact]
    public void Without_an_earned_freeze_a_missed_day_breaks_the_daily_streak()
    {
        var report = new History { Plan = DailyOnly }
            .EveryDay(History.Week(1, Monday), History.Week(2, Friday))
            .Without(History.Week(2, Wednesday))
            .On(History.Week(2, Saturday));

        Assert.Equal(2, report.CurrentStreak);
        Assert.Equal(0, report.FreezesAvailable);
    }

    [Fact]
    public void The_same_history_always_gives_the_same_report()
    {
        var history = new History()
            .Sessions(1, Monday, Wednesday, Friday)
            .Sessions(2, Monday, Wednesday, Friday)
            .Pain(History.Week(2, Friday), 3);

        var first = history.On(History.Week(3, Thursday));
        var second = history.On(History.Week(3, Thursday));

        Assert.Equal(first.CurrentStreakDays, second.CurrentStreakDays);
        Assert.Equal(first.Weeks, second.Weeks);
        Assert.Equal(first.PhaseChanges, second.PhaseChanges);
    }
}
