using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Notifications;

/// <summary>
/// What the calendar feed lists: the planned days of the next <see cref="Weeks"/> weeks (no rest day,
/// pause or hold), each at one instant. The plan has no time of day, so a session sits at the reminder's
/// time in its zone, or at <see cref="DefaultTime"/> in the person's zone without a reminder.
/// </summary>
public static class CalendarPlan
{
    public const int Weeks = 8;

    public static readonly TimeOnly DefaultTime = new(9, 0);

    /// <summary>How long each session's event lasts: the routine takes about a quarter of an hour.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(15);

    /// <summary>The planned sessions from today on, as instants (a wall-clock time a zone skips moves to the first valid minute after it).</summary>
    public static IReadOnlyList<(DateOnly Day, DateTimeOffset Start)> Sessions(EmployeeRecord record, DateTimeOffset now)
    {
        var settings = record.Reminders is { } r ? r with { Quiet = null } : new ReminderSettings(string.Empty, DefaultTime, null, string.Empty);
        var zone = record.ReminderZone;
        var today = LocalCalendar.LocalDay(now, zone);
        return [.. Enumerable.Range(0, Weeks * 7).Select(today.AddDays).Where(record.IsPlanned)
            .Select(day => (day, ReminderSchedule.On(day, settings, zone)))
            .Where(s => s.Item2 is not null)
            .Select(s => (s.day, s.Item2!.Value))];
    }
}
