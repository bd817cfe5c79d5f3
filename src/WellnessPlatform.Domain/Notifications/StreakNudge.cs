using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Notifications;

/// <summary>
/// The streak-at-risk nudge: on a planned day, two hours after the reminder's time (quiet hours still
/// apply), when the person has a running streak worth keeping and today's session is the one that keeps
/// it. A streak counts against the plan's target: in the daily phase any planned day missed breaks it; in
/// a weekly phase only a day without which the week can no longer reach its target does.
/// </summary>
public static class StreakNudge
{
    /// <summary>How long after the reminder's time the nudge comes, if the day has not been logged by then.</summary>
    public static readonly TimeSpan After = TimeSpan.FromHours(2);

    /// <summary>A streak of two days or more (a kept week counts seven) is worth a nudge; a single day is not yet a habit to protect.</summary>
    public const int WorthKeepingDays = 2;

    /// <summary>The nudge's schedule (the reminder's, two hours later), or null when off or when that would pass local midnight.</summary>
    public static ReminderSettings? Schedule(ReminderSettings settings) =>
        settings.StreakNudge && settings.At.ToTimeSpan() + After < TimeSpan.FromDays(1) ? settings with { At = settings.At.Add(After) } : null;

    /// <summary>
    /// Whether a session on <paramref name="day"/> (not yet logged) is what keeps the running streak:
    /// daily phase, always; weekly phase, when the planned days left after it cannot reach the week's
    /// target without it, yet can with it (a week already lost is not nudged).
    /// </summary>
    public static bool AtRisk(ProgressReport report, DateOnly day, Func<DateOnly, bool> planned)
    {
        if (report.CurrentStreakDays < WorthKeepingDays)
        {
            return false;
        }

        if (report.Unit == StreakUnit.Days)
        {
            return true;
        }

        var monday = LocalCalendar.WeekStart(day);
        if (report.Weeks.LastOrDefault(w => w.Monday == monday) is not { } week)
        {
            return false;
        }

        var left = Enumerable.Range(1, 6).Select(day.AddDays).Count(d => d <= monday.AddDays(6) && planned(d));
        return week.DaysDone + left < week.Required && week.DaysDone + left + 1 >= week.Required;
    }
}
