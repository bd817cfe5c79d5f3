using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Retention;

namespace WellnessPlatform.Domain.Tests;

/// <summary>Compacted history keeps at most <see cref="CompactedHistory.MaxWeeks"/> weeks: the oldest go, the rest read back unchanged.</summary>
public sealed class HistoryCapTests
{
    private static readonly DateOnly FirstMonday = new(2016, 1, 4);

    [Fact]
    public void Beyond_the_cap_the_oldest_weeks_their_days_and_phase_moves_are_dropped_and_the_rest_read_back_as_written()
    {
        const int extra = 37;
        var random = new Random(7);
        var history = new CompactedHistory();
        var written = new List<(WeekSummary Week, List<DateOnly> Days)>();
        for (var i = 0; i < CompactedHistory.MaxWeeks + extra; i++)
        {
            var monday = FirstMonday.AddDays(7 * i);
            var days = Enumerable.Range(0, 7).Where(_ => random.Next(2) == 0).Select(d => monday.AddDays(d)).ToList();
            var week = new WeekOutcome(monday, 1 + (i % 3), 3, 3, days.Count, days.Count >= 3 ? WeekStatus.Met : WeekStatus.Missed, 0);
            int? pain = i % 4 == 0 ? null : i % 11;
            history.Append(week, days.Count + (i % 2), pain, days);
            history.PhaseChanges.Add(new PhaseChange(monday.AddDays(7), 1, 2, "test"));
            written.Add((new WeekSummary(monday, week.Phase, week.Target, week.Required, week.DaysDone, week.Status, days.Count + (i % 2), pain), days));
        }

        var kept = written.Skip(extra).ToList();
        Assert.Equal(CompactedHistory.MaxWeeks, history.WeekCount);
        Assert.Equal(kept[0].Week.Monday, history.FirstMonday);
        Assert.Equal(kept.Select(k => k.Week), history.Read());
        Assert.Equal(kept.SelectMany(k => k.Days), history.DaysDone(DateOnly.MinValue));
        Assert.Equal(kept.Skip(kept.Count - 17).SelectMany(k => k.Days), history.DaysDone(kept[^17].Week.Monday)); // the progress page's last 119 days
        Assert.All(history.PhaseChanges, c => Assert.True(c.EffectiveFrom >= history.FirstMonday));
        Assert.Equal(CompactedHistory.MaxWeeks + 1, history.PhaseChanges.Count); // one a week, and the one the last dropped week made

        // Weeks still append after the drop: the next one follows the last kept week.
        var next = written[^1].Week.Monday.AddDays(7);
        history.Append(new WeekOutcome(next, 1, 3, 3, 1, WeekStatus.Missed, 0), 1, null, [next]);
        Assert.Equal(CompactedHistory.MaxWeeks, history.WeekCount);
        Assert.Equal(next, history.Read().Last().Monday);
        Assert.Equal(next, history.DaysDone(next).Single());
    }
}
