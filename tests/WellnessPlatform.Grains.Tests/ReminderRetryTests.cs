using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Domain.Screening;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// A daily reminder the relay refused is retried later the same day, at most three times, with the
/// day's Message-ID, and only while it is still due; the next day starts afresh. Moves the clock and
/// fails the relay, so it has a cluster of its own.
/// </summary>
public sealed class ReminderRetryTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string Tenant = "retries";

    [Fact]
    public async Task A_refused_reminder_is_retried_the_same_day_until_the_relay_takes_it_once_and_a_lasting_outage_gives_up_after_three_retries()
    {
        using var scope = new TenantScope(Tenant);
        await fixture.CreateTenantAsync(Tenant);
        var (flaky, flakyAddress) = await PersonAsync("flaky");
        var (down, downAddress) = await PersonAsync("down");
        fixture.Clock.Advance(TimeSpan.FromHours(1.5)); // 13:30, the reminders are at 13:00

        // The relay refuses the first send and the first retry, then takes the second retry.
        fixture.MailFaults.RefuseNext(2);
        await TickAsync(flaky, "daily-reminder");
        Assert.Contains(await RemindersAsync("flaky"), r => r.ReminderName == "reminder-retry" && r.Period == ReminderRetry.Interval);
        await TickAsync(flaky, "daily-reminder"); // a repeated tick is not a second reminder
        Assert.Empty(await fixture.Inbox.ToAsync(flakyAddress));
        await RetryAsync(flaky);
        Assert.Empty(await fixture.Inbox.ToAsync(flakyAddress));
        await RetryAsync(flaky);
        await RetryAsync(flaky); // nothing owed any more
        await fixture.Inbox.WaitForAsync(flakyAddress);
        await Task.Delay(500);
        var taken = Assert.Single(await fixture.Inbox.ToAsync(flakyAddress));
        Assert.DoesNotContain(await RemindersAsync("flaky"), r => r.ReminderName == "reminder-retry");

        // A lasting outage: the send and three retries are refused, and then it gives up for the day.
        fixture.MailFaults.RefuseNext(100);
        await TickAsync(down, "daily-reminder");
        for (var i = 0; i < 5; i++)
        {
            await RetryAsync(down);
        }

        fixture.MailFaults.RefuseNext(0);
        await RetryAsync(down);
        await Task.Delay(500);
        Assert.Empty(await fixture.Inbox.ToAsync(downAddress));
        Assert.DoesNotContain(await RemindersAsync("down"), r => r.ReminderName == "reminder-retry");

        // A refusal just before midnight is not retried the next day; that day has its own reminder.
        fixture.MailFaults.RefuseNext(1);
        fixture.Clock.Advance(TimeSpan.FromHours(19.5)); // from 18:00 to 13:30 the next day
        await TickAsync(flaky, "daily-reminder");
        fixture.Clock.Advance(TimeSpan.FromHours(10.5));
        await RetryAsync(flaky); // 00:30 the day after
        await Task.Delay(500);
        Assert.Equal(taken.MessageId, Assert.Single(await fixture.Inbox.ToAsync(flakyAddress)).MessageId);
        Assert.DoesNotContain(await RemindersAsync("flaky"), r => r.ReminderName == "reminder-retry");
    }

    private async Task<(IEmployeeGrain Grain, string Address)> PersonAsync(string id)
    {
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee(Tenant, id));
        Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
        Assert.True((await employee.ScreenAsync(new ScreeningAnswers(2, false, false, []))).IsOk);
        var address = $"{id}-{Guid.NewGuid():N}@example.com";
        Assert.True((await employee.SetNotificationsAsync(new ReminderChoice(true, address, "13:00", null, null))).IsOk);
        return (employee, address);
    }

    private Task<IReadOnlyList<ReminderEntry>> RemindersAsync(string id) =>
        fixture.RemindersAsync(GrainId.Create(GrainTypes.Employee, GrainKeys.Employee(Tenant, id)));

    private Task RetryAsync(IEmployeeGrain employee)
    {
        fixture.Clock.Advance(ReminderRetry.Interval);
        return TickAsync(employee, "reminder-retry");
    }

    private Task TickAsync(IEmployeeGrain employee, string name)
    {
        var now = fixture.Clock.GetUtcNow().UtcDateTime;
        return employee.AsReference<IRemindable>().ReceiveReminder(name, new TickStatus(now, TimeSpan.FromDays(1), now));
    }
}
