using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Notifications;

/// <summary>
/// When a daily reminder is due, in the person's own zone. A wall-clock time the zone skips on a
/// spring-forward day is moved to the first valid minute after it; a time it repeats on a fall-back day
/// is its first occurrence (<see cref="LocalCalendar.Instant"/>). A time in quiet hours waits for their
/// end that day; a day whose whole rest lies in quiet hours has no reminder.
/// </summary>
public static class ReminderSchedule
{
    /// <summary>How late a tick may come and still send that day's reminder (a silo down for a while).</summary>
    public static readonly TimeSpan Lateness = TimeSpan.FromHours(6);

    /// <summary>The instant of a local day's reminder, or null when the rest of that day is quiet.</summary>
    public static DateTimeOffset? On(DateOnly day, ReminderSettings settings, TimeZoneInfo zone)
    {
        var wall = day.ToDateTime(settings.At);
        var end = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        for (; wall < end; wall = wall.AddMinutes(1))
        {
            if (settings.Quiet?.Contains(TimeOnly.FromDateTime(wall)) == true)
            {
                continue;
            }

            if (LocalCalendar.Instant(wall, zone) is { } instant)
            {
                return instant;
            }
        }

        return null;
    }

    /// <summary>The first reminder instant after <paramref name="now"/>, whatever the day (the tick decides whether to send).</summary>
    public static DateTimeOffset Next(DateTimeOffset now, ReminderSettings settings, TimeZoneInfo zone)
    {
        var today = LocalCalendar.LocalDay(now, zone);
        for (var day = today.AddDays(-1); day <= today.AddDays(3); day = day.AddDays(1))
        {
            if (On(day, settings, zone) is { } instant && instant > now)
            {
                return instant;
            }
        }

        // Unreachable for quiet hours under a day; a day ahead keeps the reminder alive regardless.
        return now.AddDays(1);
    }

    /// <summary>The local day whose reminder is due at <paramref name="now"/>: its instant has passed, by no more than <see cref="Lateness"/>.</summary>
    public static DateOnly? DueDay(DateTimeOffset now, ReminderSettings settings, TimeZoneInfo zone)
    {
        var today = LocalCalendar.LocalDay(now, zone);
        for (var day = today; day >= today.AddDays(-1); day = day.AddDays(-1))
        {
            if (On(day, settings, zone) is { } instant && instant <= now)
            {
                return now - instant <= Lateness ? day : null;
            }
        }

        return null;
    }
}
