using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Employees;

/// <summary>
/// The daily reminder: the person's opt-in, the unsubscribe link, and the one decision that a reminder
/// is due, which is stored before the email is sent so that each planned day has exactly one.
/// </summary>
public sealed partial class EmployeeRecord
{
    /// <summary>The person's reminder opt-in; null when off (the address is then not kept either).</summary>
    public ReminderSettings? Reminders { get; set; }

    /// <summary>The zone the reminder's times are in: the one chosen with it, else the person's own.</summary>
    public TimeZoneInfo ReminderZone => Reminders?.TimeZone is { } id ? LocalCalendar.ZoneOrUtc(id) : Zone;

    /// <summary>The last local day a reminder was decided for: a later tick for that day sends nothing.</summary>
    public DateOnly? LastRemindedOn { get; set; }

    /// <summary>The last local day a streak-at-risk nudge was decided for, stored before it was sent.</summary>
    public DateOnly? LastNudgedOn { get; set; }

    /// <summary>A reminder the relay did not take, retried later the same day (<see cref="ReminderRetry"/>); null when none is owed.</summary>
    public ReminderRetry? PendingReminder { get; set; }

    /// <summary>The secret of the calendar feed's address (256 random bits); null when none is issued.</summary>
    public string? CalendarToken { get; set; }

    /// <summary>
    /// Turns the daily reminder on (with a fresh unsubscribe secret, so an older link stops working) or
    /// off. Bad input is refused whole, naming each field; nothing changes.
    /// </summary>
    public Decision SetReminders(ReminderChoice choice, string newToken)
    {
        var errors = new List<FieldError>();
        var zone = choice.TimeZone is null ? null : ReminderRules.Zone(choice.TimeZone, errors);
        if (!choice.DailyReminder)
        {
            // A zone given is checked even when turning off: bad input changes nothing.
            if (errors.Count > 0)
            {
                return Refusal.Invalid(errors);
            }

            var was = Reminders is not null;
            Reminders = null;
            return was ? Decision.Change : Decision.Unchanged;
        }

        var email = ReminderRules.Email(choice.Email, errors);
        var at = ReminderRules.Time(choice.ReminderTime, "reminderTime", errors);
        var quiet = choice.QuietStart is null && choice.QuietMinutes is null ? null : ReminderRules.Quiet(choice.QuietStart, choice.QuietMinutes, errors);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        Reminders = new ReminderSettings(email!, at!.Value, quiet, newToken, choice.CareNotices, zone, choice.StreakNudge);
        return Decision.Change;
    }

    /// <summary>The unsubscribe link: the secret must match the one last issued, or nothing changes (NotFound).</summary>
    public Decision Unsubscribe(string? token)
    {
        if (!IsUnsubscribeToken(token))
        {
            return Refusal.NotFound("unsubscribe_not_found", "This unsubscribe link is not valid any more.");
        }

        Reminders = null;
        return Decision.Change;
    }

    /// <summary>
    /// Whether a reminder is due now, and for which local day: opted in, not erased or being erased, a
    /// planned day (not a rest day), no pause, hold or missing screening, today's session not yet logged,
    /// and no reminder yet for that day. When due, the day is marked here, so the caller stores the
    /// record before it sends: a repeat tick or a restarted activation finds the day taken.
    /// </summary>
    public Decision<DateOnly?> TakeReminder(DateTimeOffset now)
    {
        if (!Enrolled || ErasureShare is not null || Reminders is null
            || ReminderSchedule.DueDay(now, Reminders, ReminderZone) is not { } day
            || LastRemindedOn >= day || IsRestDay(day) || CareOn(day).BlocksSessions || Sessions.Any(s => s.Day == day))
        {
            return new Decision<DateOnly?>(null, false, null);
        }

        LastRemindedOn = day;
        return new Decision<DateOnly?>(null, true, day);
    }

    /// <summary>The relay did not take the day's reminder: it is owed, to be retried (stored before the first retry is scheduled).</summary>
    public Decision ReminderNotSent(DateOnly day)
    {
        PendingReminder = new ReminderRetry(day, 0);
        return Decision.Change;
    }

    /// <summary>The relay took a retried reminder: nothing is owed any more.</summary>
    public Decision ReminderSent()
    {
        var was = PendingReminder is not null;
        PendingReminder = null;
        return was ? Decision.Change : Decision.Unchanged;
    }

    /// <summary>
    /// Whether an owed reminder is to be retried now, and for which day. The retry is counted here, so
    /// the caller stores it before sending. An owed reminder that is no longer due (another local day,
    /// the retries spent, the day logged, a pause or hold, opted out or erased) is dropped: Changed, no day.
    /// </summary>
    public Decision<DateOnly?> TakeReminderRetry(DateTimeOffset now)
    {
        if (PendingReminder is not { } owed)
        {
            return new Decision<DateOnly?>(null, false, null);
        }

        if (!Enrolled || ErasureShare is not null || Reminders is null || owed.Retries >= ReminderRetry.MaxRetries
            || LocalCalendar.LocalDay(now, ReminderZone) != owed.Day || !IsPlanned(owed.Day) || Sessions.Any(s => s.Day == owed.Day))
        {
            PendingReminder = null;
            return new Decision<DateOnly?>(null, true, null);
        }

        PendingReminder = owed with { Retries = owed.Retries + 1 };
        return new Decision<DateOnly?>(null, true, owed.Day);
    }

    /// <summary>
    /// Whether the streak-at-risk nudge is due now, and for which local day: opted in, not erased, a
    /// planned day without pause or hold, nothing logged that day, the running streak at risk
    /// (<see cref="StreakNudge.AtRisk"/>, judged by <paramref name="progress"/> for that day), and no nudge
    /// yet that day. When due, the day is marked here, so the caller stores it before it sends.
    /// </summary>
    public Decision<DateOnly?> TakeStreakNudge(DateTimeOffset now, Func<DateOnly, Plans.ProgressReport> progress)
    {
        if (!Enrolled || ErasureShare is not null || Reminders is null || StreakNudge.Schedule(Reminders) is not { } nudge
            || ReminderSchedule.DueDay(now, nudge, ReminderZone) is not { } day
            || LastNudgedOn >= day || !IsPlanned(day) || Sessions.Any(s => s.Day == day)
            || !StreakNudge.AtRisk(progress(day), day, IsPlanned))
        {
            return new Decision<DateOnly?>(null, false, null);
        }

        LastNudgedOn = day;
        return new Decision<DateOnly?>(null, true, day);
    }

    /// <summary>Whether a secret is the one the last unsubscribe link carries (compared in constant time).</summary>
    public bool IsUnsubscribeToken(string? token) => Reminders is not null && SameSecret(token, Reminders.UnsubscribeToken);

    /// <summary>A new calendar address (the old one stops working), or none; no erased record has one.</summary>
    public Decision SetCalendarToken(string? token)
    {
        if (ErasureShare is not null)
        {
            return Refusal.NotEnrolled;
        }

        CalendarToken = token;
        return Decision.Change;
    }

    public bool IsCalendarToken(string? token) => Enrolled && ErasureShare is null && CalendarToken is { } current && SameSecret(token, current);

    private static bool SameSecret(string? given, string current) =>
        given is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(current));

    /// <summary>A day the plan expects a session: not a rest day, and no pause, hold or missing screening.</summary>
    public bool IsPlanned(DateOnly day) => !IsRestDay(day) && !CareOn(day).BlocksSessions;

    private bool IsRestDay(DateOnly day) =>
        RestDays.Where(r => r.EffectiveFrom <= day).MaxBy(r => r.EffectiveFrom)?.Days.Contains(day.DayOfWeek) == true;
}
