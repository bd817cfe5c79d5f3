namespace WellnessPlatform.Domain.Notifications;

/// <summary>
/// What a person asks for, as entered: the daily reminder on or off, and when on, the address, the
/// local time ("HH:mm"), optional quiet hours (a start and a length in minutes), an optional IANA zone
/// for the reminder (else the person's own), and the streak-at-risk nudge. Checked by
/// <see cref="Employees.EmployeeRecord.SetReminders"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.ReminderChoice")]
public sealed record ReminderChoice(
    [property: Id(0)] bool DailyReminder,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? ReminderTime,
    [property: Id(3)] string? QuietStart,
    [property: Id(4)] int? QuietMinutes,
    [property: Id(5)] bool CareNotices = false,
    [property: Id(6)] string? TimeZone = null,
    [property: Id(7)] bool StreakNudge = false);
