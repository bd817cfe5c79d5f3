using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Retention;

namespace WellnessPlatform.Domain.Tests;

/// <summary>Compacting old history must never change what a person sees: streaks, phase, freezes and pain flags.</summary>
public sealed class RetentionTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_replay_from_any_checkpoint_gives_the_same_report_as_a_replay_from_enrolment(int seed)
    {
        var random = new Random(seed);
        var history = new History { Baseline = random.Next(2, 6) };
        var today = History.Monday1.AddDays(7 * 30 + random.Next(7));

        // Habits that change every few weeks, so phases move up and down, streaks break and freezes are spent.
        var habit = 0.5;
        for (var day = History.Monday1; day <= today; day = day.AddDays(1))
        {
            if (day.DayOfWeek == DayOfWeek.Monday && random.Next(4) == 0)
            {
                habit = random.NextDouble();
            }

            if (random.NextDouble() < habit)
            {
                history.EveryDay(day, day);
            }

            if (random.Next(3) == 0)
            {
                history.Pain(day, Math.Clamp(history.Baseline!.Value + random.Next(-2, 4), 0, 10));
            }
        }

        var pauseFrom = History.Monday1.AddDays(random.Next(40, 120));
        history.Pause(pauseFrom, pauseFrom.AddDays(random.Next(3, 20)));
        history.Rest(History.Monday1.AddDays(7 * random.Next(5, 20)), DayOfWeek.Sunday);

        var full = history.On(today);
        for (var monday = History.Monday1.AddDays(7); monday <= today.AddDays(-7); monday = monday.AddDays(7))
        {
            var compacted = history.OnAfterCompaction(today, monday);
            var because = $"seed {seed}, checkpoint {monday}";
            Assert.True(full.Phase == compacted.Phase, because);
            Assert.True(full.CurrentStreakDays == compacted.CurrentStreakDays, because);
            Assert.True(full.LongestStreakDays == compacted.LongestStreakDays, because);
            Assert.True(full.FreezesAvailable == compacted.FreezesAvailable, because);
            Assert.True(full.WeeksAtTarget == compacted.WeeksAtTarget, because);
            Assert.True(full.PainRising == compacted.PainRising, because);
            Assert.Equal(full.Weeks.Where(w => w.Monday >= monday), compacted.Weeks);
        }
    }

    [Fact]
    public void Compacted_weeks_read_back_as_written_in_five_bytes_a_week_and_a_bit_a_day()
    {
        var history = new CompactedHistory();
        var monday = new DateOnly(2026, 1, 5);
        history.Append(new WeekOutcome(monday, 1, 3, 2, 3, WeekStatus.Met, 7), 4, 6, [monday, monday.AddDays(2), monday.AddDays(4)]);
        history.Append(new WeekOutcome(monday.AddDays(7), 3, 7, 7, 0, WeekStatus.Missed, 0), 0, null, []);

        Assert.Equal(10, history.Weeks.Length);
        Assert.Equal(2, history.DoneDays.Length);
        Assert.Equal(
            [new WeekSummary(monday, 1, 3, 2, 3, WeekStatus.Met, 4, 6), new WeekSummary(monday.AddDays(7), 3, 7, 7, 0, WeekStatus.Missed, 0, null)],
            history.Read());
        Assert.Equal([monday.AddDays(2), monday.AddDays(4)], history.DaysDone(monday.AddDays(1)));
        Assert.Throws<InvalidOperationException>(() =>
            history.Append(new WeekOutcome(monday.AddDays(21), 1, 3, 3, 0, WeekStatus.Missed, 0), 0, null, []));
    }

    [Fact]
    public void Retention_never_reaches_into_the_weeks_rules_can_still_change()
    {
        var today = new DateOnly(2026, 11, 25); // a Wednesday
        Assert.Equal(new DateOnly(2026, 11, 16), CompactedHistory.BoundaryFor(today, 0));
        Assert.Equal(new DateOnly(2026, 11, 9), CompactedHistory.BoundaryFor(today, 14));
        Assert.Equal(new DateOnly(2026, 10, 26), CompactedHistory.BoundaryFor(today, 30));
    }
}
