using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Domain.Plans;

namespace WellnessPlatform.Domain.Tests;

/// <summary>When a streak is worth a nudge, and when the nudge comes: the plan's unit decides which day is needed.</summary>
public sealed class StreakNudgeTests
{
    private static readonly DateOnly Monday = new(2027, 1, 11);

    private static ProgressReport Report(StreakUnit unit, int streakDays, int daysDone = 0, int required = 3) =>
        new(unit == StreakUnit.Days ? 3 : 1, unit == StreakUnit.Days ? 7 : 3, streakDays, streakDays, unit, 0, 0, 0, false,
            [new WeekOutcome(Monday, 1, 3, required, daysDone, WeekStatus.InProgress, streakDays)], []);

    [Theory]
    [InlineData(0, false)] // Monday: six planned days left can still make three
    [InlineData(3, false)] // Thursday: Friday to Sunday make three
    [InlineData(4, true)] // Friday: needed, and enough with it
    [InlineData(5, false)] // Saturday: the week is lost whatever happens today
    public void In_a_weekly_phase_only_the_day_the_week_needs_is_at_risk(int offset, bool atRisk) =>
        Assert.Equal(atRisk, StreakNudge.AtRisk(Report(StreakUnit.Weeks, 7), Monday.AddDays(offset), _ => true));

    [Fact]
    public void Rest_days_left_in_the_week_do_not_count_as_chances()
    {
        var weekendOff = (DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

        // One done: on Wednesday, Thursday and Friday still make three; on Thursday, only Friday is left.
        Assert.False(StreakNudge.AtRisk(Report(StreakUnit.Weeks, 7, daysDone: 1), Monday.AddDays(2), weekendOff));
        Assert.True(StreakNudge.AtRisk(Report(StreakUnit.Weeks, 7, daysDone: 1), Monday.AddDays(3), weekendOff));
    }

    [Theory]
    [InlineData(StreakUnit.Days, 1, false)]
    [InlineData(StreakUnit.Days, 2, true)]
    [InlineData(StreakUnit.Weeks, 0, false)]
    public void A_streak_is_worth_keeping_from_two_days(StreakUnit unit, int streakDays, bool atRisk) =>
        Assert.Equal(atRisk, StreakNudge.AtRisk(Report(unit, streakDays), Monday, _ => true));

    [Theory]
    [InlineData("07:30", "09:30")]
    [InlineData("21:59", "23:59")]
    [InlineData("22:00", null)]
    public void The_nudge_comes_two_hours_after_the_reminder_the_same_day_or_not_at_all(string reminder, string? nudge)
    {
        var settings = new ReminderSettings("pat@example.com", TimeOnly.Parse(reminder, System.Globalization.CultureInfo.InvariantCulture), null, "t", StreakNudge: true);

        Assert.Equal(nudge, StreakNudge.Schedule(settings)?.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(StreakNudge.Schedule(settings with { StreakNudge = false }));
    }
}
