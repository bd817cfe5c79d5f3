namespace WellnessPlatform.Host.Api.Requests;

/// <summary>
/// Body of PUT .../notifications: the daily reminder on or off; when on, the address to send it to (an
/// employer's identity provider would supply it later), the local time "HH:mm" and optional quiet hours.
/// </summary>
/// <param name="CareNotices">Also a neutral email when the routine is put on hold or cleared (no reason is ever given).</param>
/// <param name="TimeZone">The IANA zone of the reminder's times; omitted, the person's own zone.</param>
/// <param name="StreakNudge">Also an evening nudge on a planned day whose session would keep a running streak.</param>
public sealed record NotificationsRequest(bool? DailyReminder, string? Email, string? ReminderTime, QuietHoursRequest? QuietHours, bool? CareNotices = null,
    string? TimeZone = null, bool? StreakNudge = null);

/// <summary>No email from a local time ("HH:mm") for a number of minutes, less than a day.</summary>
public sealed record QuietHoursRequest(string? Start, int? Minutes);
