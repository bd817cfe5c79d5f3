using System.Globalization;
using WellnessPlatform.Contracts.Employees;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>The reminder opt-in to its API form.</summary>
internal static class NotificationMapping
{
    public static NotificationSettingsResponse ToResponse(this NotificationSettingsView v) => new(
        v.DailyReminder, v.Email, Time(v.ReminderTime),
        v.QuietStart is { } start && v.QuietMinutes is { } minutes ? new QuietHoursResponse(Time(start)!, minutes) : null, v.CareNotices,
        v.TimeZone, v.StreakNudge);

    private static string? Time(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);
}
