namespace WellnessPlatform.Host.Api.Requests;

/// <summary>
/// Body of PUT .../notifications: the daily reminder on or off; when on, the address to send it to (an
/// employer's identity provider would supply it later), the local time "HH:mm" and optional quiet hours.
/// </summary>
public sealed record NotificationsRequest(bool? DailyReminder, string? Email, string? ReminderTime, QuietHoursRequest? QuietHours);

/// <summary>No email from a local time ("HH:mm") for a number of minutes, less than a day.</summary>
public sealed record QuietHoursRequest(string? Start, int? Minutes);
