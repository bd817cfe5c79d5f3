using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Plans;

namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// Keeps treatment out of the employer's wellness figures. A week with any day on the clinician-directed
/// track adds no activity, target, streak or pain counter at all (whole weeks, so no figure is half
/// wellness and half treatment), and a streak after a stretch of treatment is counted only from the day
/// after it ended, so the streak bands HR sees never carry treatment days.
/// </summary>
internal sealed class TreatmentExclusion(IReadOnlyList<TrackPeriod> periods, DateOnly? today)
{
    public bool Excludes(DateOnly monday)
    {
        foreach (var period in periods)
        {
            if (period.Touches(monday))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The week's streak at its end (or today), counted no further back than the last stretch of treatment before it.</summary>
    public int StreakDays(WeekOutcome week)
    {
        DateOnly? lastEnd = null;
        foreach (var period in periods)
        {
            if (period.Until is { } until && until < week.Monday && (lastEnd is null || until > lastEnd))
            {
                lastEnd = until;
            }
        }

        if (lastEnd is not { } end)
        {
            return week.StreakDaysAtEnd;
        }

        var sunday = week.Monday.AddDays(6);
        var last = today is { } t && t < sunday ? t : sunday;
        return Math.Min(week.StreakDaysAtEnd, Math.Max(0, last.DayNumber - end.DayNumber));
    }
}
