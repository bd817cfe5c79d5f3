namespace WellnessPlatform.Host.Api.Responses;

/// <summary>The daily-reminder opt-in; times as "HH:mm" in the person's zone.</summary>
public sealed record NotificationSettingsResponse(bool DailyReminder, string? Email, string? ReminderTime, QuietHoursResponse? QuietHours, bool CareNotices,
    string TimeZone, bool StreakNudge);

public sealed record QuietHoursResponse(string Start, int Minutes);
