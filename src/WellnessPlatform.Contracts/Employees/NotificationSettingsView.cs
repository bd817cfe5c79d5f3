namespace WellnessPlatform.Contracts.Employees;

/// <summary>The daily-reminder opt-in as the person sees it; never the unsubscribe secret. The zone is the reminder's own, else the person's.</summary>
[GenerateSerializer, Immutable, Alias("wp.NotificationSettingsView")]
public sealed record NotificationSettingsView(
    [property: Id(0)] bool DailyReminder,
    [property: Id(1)] string? Email,
    [property: Id(2)] TimeOnly? ReminderTime,
    [property: Id(3)] TimeOnly? QuietStart,
    [property: Id(4)] int? QuietMinutes,
    [property: Id(5)] bool CareNotices,
    [property: Id(6)] string TimeZone,
    [property: Id(7)] bool StreakNudge);
