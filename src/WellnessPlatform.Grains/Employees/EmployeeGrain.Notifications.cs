using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Grains.Notifications;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// The daily reminder: the opt-in, the unsubscribe link, and a durable Orleans reminder that wakes the
/// grain at the person's chosen local time. Orleans reminders tick at a fixed period, so the period is a
/// day and each tick re-anchors the next one to local time when a clock change or a new choice moved it.
/// </summary>
public sealed partial class EmployeeGrain
{
    private const string DailyReminderName = "daily-reminder";
    private const string StreakNudgeName = "streak-nudge";
    private const string ReminderRetryName = "reminder-retry";
    private static readonly TimeSpan DailyPeriod = TimeSpan.FromDays(1);

    public async Task<Outcome<NotificationSettingsView>> SetNotificationsAsync(ReminderChoice choice)
    {
        if (!_record.Enrolled)
        {
            return Refusal.NotEnrolled.ToOutcome<NotificationSettingsView>();
        }

        var outcome = await RunAsync(_record.SetReminders(choice, NewUnsubscribeToken()), _ => NotificationsView());
        if (outcome.IsOk)
        {
            await ScheduleDailyReminderAsync();
            await ScheduleStreakNudgeAsync();
        }

        return outcome;
    }

    public Task<Outcome<NotificationSettingsView>> GetNotificationsAsync() => ReadAsync(NotificationsView);

    public Task<bool> IsUnsubscribeLinkAsync(string token) => Task.FromResult(_record.Enrolled && _record.IsUnsubscribeToken(token));

    public async Task<Outcome<NotificationSettingsView>> UnsubscribeAsync(string token)
    {
        if (!_record.Enrolled)
        {
            return Refusal.NotEnrolled.ToOutcome<NotificationSettingsView>();
        }

        var outcome = await RunAsync(_record.Unsubscribe(token), _ => NotificationsView());
        if (outcome.IsOk)
        {
            await ScheduleDailyReminderAsync();
            await ScheduleStreakNudgeAsync();
        }

        return outcome;
    }

    /// <summary>
    /// One tick: if a planned day's reminder is due, the day is stored as reminded first, then the email
    /// sent, so a repeated tick or a restarted activation sends nothing more that day. A send the relay
    /// refuses is stored as owed and retried later that day (<see cref="ReminderRetry"/>); a crash between
    /// the relay taking the email and our learning it resends the same Message-ID (see <see cref="ReminderEmail.MessageId"/>).
    /// </summary>
    private async Task ReceiveDailyReminderAsync(TickStatus status)
    {
        WellnessMetrics.Woke("reminder");
        if (!_record.Enrolled || _record.Reminders is not { } settings)
        {
            await this.UnregisterReminderIfAnyAsync(DailyReminderName);
            return;
        }

        var decision = _record.TakeReminder(Now);
        if (decision.Value is { } day)
        {
            await WriteAsync();
            var mail = ServiceProvider.GetRequiredService<IOptions<MailSettings>>().Value;
            var email = ReminderEmail.Daily(mail, TenantId, GrainKeys.LocalPart(this.GetPrimaryKeyString()), settings.Email, settings.UnsubscribeToken, day);
            if (!await SendAsync(email))
            {
                _record.ReminderNotSent(day);
                await WriteAsync();
                await this.RegisterOrUpdateReminder(ReminderRetryName, ReminderRetry.Interval, ReminderRetry.Interval);
            }
        }

        var next = ReminderSchedule.Next(Now, settings, _record.ReminderZone);
        if (status.Period != DailyPeriod || (status.CurrentTickTime + DailyPeriod - next).Duration() > TimeSpan.FromMinutes(10))
        {
            await ScheduleDailyReminderAsync();
        }
    }

    private async Task ScheduleDailyReminderAsync()
    {
        if (_record.Reminders is not { } settings)
        {
            await this.UnregisterReminderIfAnyAsync(DailyReminderName);
            await this.UnregisterReminderIfAnyAsync(ReminderRetryName);
            return;
        }

        var now = Now;
        await this.RegisterOrUpdateReminder(DailyReminderName, ReminderSchedule.Next(now, settings, _record.ReminderZone) - now, DailyPeriod);
    }

    /// <summary>
    /// A retry of the day's reminder the relay did not take: counted in storage first, then sent with
    /// the day's Message-ID; the retry reminder goes once nothing is owed any more.
    /// </summary>
    private async Task ReceiveReminderRetryAsync()
    {
        WellnessMetrics.Woke("reminder-retry");
        var decision = _record.TakeReminderRetry(Now);
        if (decision.Changed)
        {
            await WriteAsync();
        }

        if (decision.Value is { } day && _record.Reminders is { } settings)
        {
            var mail = ServiceProvider.GetRequiredService<IOptions<MailSettings>>().Value;
            if (!await SendAsync(ReminderEmail.Daily(mail, TenantId, GrainKeys.LocalPart(this.GetPrimaryKeyString()), settings.Email, settings.UnsubscribeToken, day)))
            {
                return;
            }

            _record.ReminderSent();
            await WriteAsync();
        }

        await this.UnregisterReminderIfAnyAsync(ReminderRetryName);
    }

    /// <summary>
    /// The streak-at-risk nudge's tick, two hours after the reminder's time: like the reminder, the day is
    /// stored as nudged before the email is sent, so each day has at most one.
    /// </summary>
    private async Task ReceiveStreakNudgeAsync(TickStatus status)
    {
        WellnessMetrics.Woke("nudge");
        if (!_record.Enrolled || _record.Reminders is not { } settings || StreakNudge.Schedule(settings) is not { } nudge)
        {
            await this.UnregisterReminderIfAnyAsync(StreakNudgeName);
            return;
        }

        var decision = _record.TakeStreakNudge(Now, day => EmployeeProgress.Evaluate(_record, day));
        if (decision.Value is { } day)
        {
            await WriteAsync();
            var mail = ServiceProvider.GetRequiredService<IOptions<MailSettings>>().Value;
            await SendAsync(ReminderEmail.StreakAtRisk(mail, TenantId, GrainKeys.LocalPart(this.GetPrimaryKeyString()), settings.Email, settings.UnsubscribeToken, day));
        }

        var next = ReminderSchedule.Next(Now, nudge, _record.ReminderZone);
        if (status.Period != DailyPeriod || (status.CurrentTickTime + DailyPeriod - next).Duration() > TimeSpan.FromMinutes(10))
        {
            await ScheduleStreakNudgeAsync();
        }
    }

    private async Task ScheduleStreakNudgeAsync()
    {
        if (_record.Reminders is not { } settings || StreakNudge.Schedule(settings) is not { } nudge)
        {
            await this.UnregisterReminderIfAnyAsync(StreakNudgeName);
            return;
        }

        var now = Now;
        await this.RegisterOrUpdateReminder(StreakNudgeName, ReminderSchedule.Next(now, nudge, _record.ReminderZone) - now, DailyPeriod);
    }

    private NotificationSettingsView NotificationsView() => EmployeeViews.Notifications(_record);

    /// <summary>
    /// Runs a command that may start or end a hold, and tells a person who asked for such notices that
    /// there is an update: after the change is stored (a failed write throws first, and sends nothing),
    /// so at most once; the email says nothing of what changed or why.
    /// </summary>
    private async Task<T> WithCareNoticeAsync<T>(Func<Task<T>> command)
    {
        var wasHeld = _record.OnHold;
        var result = await command();
        if (_record.OnHold != wasHeld && _record.Reminders is { CareNotices: true } settings)
        {
            var kind = _record.OnHold ? ReminderEmail.HoldNotice : ReminderEmail.ClearanceNotice;
            var mail = ServiceProvider.GetRequiredService<IOptions<MailSettings>>().Value;
            await SendAsync(ReminderEmail.CareUpdate(mail, TenantId, GrainKeys.LocalPart(this.GetPrimaryKeyString()), settings.Email, settings.UnsubscribeToken, kind, Today));
        }

        return result;
    }

    /// <summary>Hands the email to the relay; false (logged) when it did not take it.</summary>
    private async Task<bool> SendAsync(OutgoingEmail email)
    {
        try
        {
            await ServiceProvider.GetRequiredService<IMailSender>().SendAsync(email);
            return true;
        }
        catch (Exception ex)
        {
            LogNotSent(logger, email.Subject, ex);
            return false;
        }
    }

    /// <summary>256 random bits: the unsubscribe link works without signing in, so it must not be guessable.</summary>
    private static string NewUnsubscribeToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    [LoggerMessage(Level = LogLevel.Warning, Message = "An email ({Subject}) could not be handed to the mail relay; only the daily reminder is retried (the same day, a bounded number of times)")]
    private static partial void LogNotSent(ILogger logger, string subject, Exception exception);
}
