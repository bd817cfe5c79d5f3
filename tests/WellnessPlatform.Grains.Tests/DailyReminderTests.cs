using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Domain.Screening;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// The daily reminder through a real SMTP server (the fixture's MailDev): exactly one email per planned
/// day however often the reminder ticks and across a new activation, none during a pause or hold, none
/// after erasure, and never a word about health. Moves the clock, so it has a cluster of its own.
/// </summary>
public sealed class DailyReminderTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string Tenant = "reminders";
    private static readonly string[] HealthWords = ["pain", "screening", "hold", "diagnos", "injur", "clearance", "red flag"];

    [Fact]
    public async Task A_due_reminder_sends_one_email_a_day_across_repeated_ticks_and_a_new_activation_and_none_during_a_pause_or_hold()
    {
        using var scope = new TenantScope(Tenant);
        await fixture.CreateTenantAsync(Tenant);
        var (ready, readyAddress) = await PersonAsync("ready", pain: 2);
        var (paused, pausedAddress) = await PersonAsync("paused", pain: 2);
        var (held, heldAddress) = await PersonAsync("held", pain: 8);
        Assert.True((await paused.StartPauseAsync(new PauseRequest(null, null))).IsOk);

        // The reminder is at 13:00 UTC; the clock stands at 12:00, then moves past it.
        var registered = Assert.Single(await fixture.RemindersAsync(GrainId.Create(GrainTypes.Employee, GrainKeys.Employee(Tenant, "ready"))), r => r.ReminderName == "daily-reminder");
        Assert.Equal(TimeSpan.FromDays(1), registered.Period);
        fixture.Clock.Advance(TimeSpan.FromHours(1.5));

        foreach (var employee in new[] { ready, paused, held, ready })
        {
            await TickAsync(employee);
        }

        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await TickAsync(ready);

        var sent = await fixture.Inbox.WaitForAsync(readyAddress);
        await Task.Delay(500);
        sent = await fixture.Inbox.ToAsync(readyAddress);
        var email = Assert.Single(sent);
        Assert.Empty(await fixture.Inbox.ToAsync(pausedAddress));
        Assert.Empty(await fixture.Inbox.ToAsync(heldAddress));
        Assert.Contains("/notifications/unsubscribe?tenant=reminders&employee=ready&token=", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(HealthWords, w => email.Text.Contains(w, StringComparison.OrdinalIgnoreCase) || email.Subject.Contains(w, StringComparison.OrdinalIgnoreCase));

        // The next day: one more, with its own Message-ID.
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await TickAsync(ready);
        await TickAsync(ready);
        var twoDays = await fixture.Inbox.WaitForAsync(readyAddress, 2);
        Assert.Equal(2, twoDays.Count);
        Assert.NotEqual(twoDays[0].MessageId, twoDays[1].MessageId);
    }

    [Fact]
    public async Task A_hold_and_its_clearance_are_each_announced_in_neutral_words_to_who_asked_and_to_nobody_else()
    {
        using var scope = new TenantScope(Tenant);
        await fixture.CreateTenantAsync(Tenant);
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee(Tenant, "noticed"));
        Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
        var address = $"noticed-{Guid.NewGuid():N}@example.com";
        Assert.True((await employee.SetNotificationsAsync(new ReminderChoice(true, address, "13:00", null, null, CareNotices: true))).IsOk);
        var (quiet, quietAddress) = await PersonAsync("not-noticed", pain: 2);

        Assert.True((await employee.ScreenAsync(new ScreeningAnswers(8, true, true, []))).IsOk);
        var held = Assert.Single(await fixture.Inbox.WaitForAsync(address));
        Assert.True((await employee.RecordClearanceAsync("cw-1")).IsOk);
        Assert.True((await quiet.ScreenAsync(new ScreeningAnswers(8, false, false, []))).IsOk);

        var both = await fixture.Inbox.WaitForAsync(address, 2);
        Assert.Equal(2, both.Count);
        Assert.All(both, e => Assert.DoesNotContain(HealthWords, w => e.Text.Contains(w, StringComparison.OrdinalIgnoreCase) || e.Subject.Contains(w, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("/portal", held.Text, StringComparison.Ordinal);
        Assert.Empty(await fixture.Inbox.ToAsync(quietAddress));
    }

    [Fact]
    public async Task Erasure_removes_the_daily_reminder_the_nudge_and_the_calendar_feed()
    {
        using var scope = new TenantScope(Tenant);
        await fixture.CreateTenantAsync(Tenant);
        var (employee, address) = await PersonAsync("erased", pain: 2);
        Assert.True((await employee.SetNotificationsAsync(new ReminderChoice(true, address, "13:00", null, null, StreakNudge: true))).IsOk);
        var feed = (await employee.IssueCalendarFeedAsync()).Value!.Token!;
        var grain = GrainId.Create(GrainTypes.Employee, GrainKeys.Employee(Tenant, "erased"));
        Assert.Contains(await fixture.RemindersAsync(grain), r => r.ReminderName == "daily-reminder");
        Assert.Contains(await fixture.RemindersAsync(grain), r => r.ReminderName == "streak-nudge");
        Assert.NotNull(await employee.GetCalendarAsync(feed));

        Assert.True((await employee.EraseAsync()).IsOk);

        Assert.Empty(await fixture.RemindersAsync(grain));
        Assert.Null(await employee.GetCalendarAsync(feed));
    }

    private async Task<(IEmployeeGrain Grain, string Address)> PersonAsync(string id, int pain)
    {
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee(Tenant, id));
        Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
        Assert.True((await employee.ScreenAsync(new ScreeningAnswers(pain, false, false, []))).IsOk);
        var address = $"{id}-{Guid.NewGuid():N}@example.com";
        var set = await employee.SetNotificationsAsync(new ReminderChoice(true, address, "13:00", "22:00", 540));
        Assert.True(set.IsOk, string.Join("; ", set.Errors.Select(e => e.Message)));
        return (employee, address);
    }

    private Task TickAsync(IEmployeeGrain employee)
    {
        var now = fixture.Clock.GetUtcNow().UtcDateTime;
        return employee.AsReference<IRemindable>().ReceiveReminder("daily-reminder", new TickStatus(now, TimeSpan.FromDays(1), now));
    }
}
