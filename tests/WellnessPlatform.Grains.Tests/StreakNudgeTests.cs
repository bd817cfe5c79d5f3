using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// The streak-at-risk nudge through the fixture's MailDev: with a kept week behind them, a person who has
/// not exercised this week is nudged on the first day the week cannot reach its target without that day,
/// once however often the nudge ticks, and never while paused or without the opt-in. Moves the clock, so
/// it has a cluster of its own.
/// </summary>
public sealed class StreakNudgeTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string Tenant = "nudges";
    private static readonly LoggedExercise[] Routine = [new(ExerciseCatalog.WallSit, 10, 10, null)];

    [Fact]
    public async Task A_streak_at_risk_is_nudged_once_on_the_day_it_needs_and_not_while_paused_or_opted_out()
    {
        using var scope = new TenantScope(Tenant);
        await fixture.CreateTenantAsync(Tenant);

        // Wednesday 25 November, 12:00 UTC: three sessions this week (Wed, Thu, Fri) keep week one.
        var (keen, keenAddress) = await PersonAsync("keen", nudge: true);
        var (paused, pausedAddress) = await PersonAsync("paused", nudge: true);
        var (plain, plainAddress) = await PersonAsync("plain", nudge: false);
        for (var day = 0; day < 3; day++)
        {
            foreach (var employee in new[] { keen, paused, plain })
            {
                Assert.True((await employee.LogSessionAsync(new LogSession($"d{day}", null, null, Routine, null, null))).IsOk);
            }

            fixture.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(1, (await keen.GetProgressAsync()).Value!.Report.CurrentStreak);
        var registered = Assert.Single(await fixture.RemindersAsync(GrainId.Create(GrainTypes.Employee, GrainKeys.Employee(Tenant, "keen"))), r => r.ReminderName == "streak-nudge");
        Assert.Equal(TimeSpan.FromDays(1), registered.Period);
        Assert.DoesNotContain(await fixture.RemindersAsync(GrainId.Create(GrainTypes.Employee, GrainKeys.Employee(Tenant, "plain"))), r => r.ReminderName == "streak-nudge");

        // Week two, nothing logged. Thursday 3 December, 10:30 (the reminder is 08:00, the nudge 10:00):
        // Friday to Sunday can still make three, so no nudge yet.
        fixture.Clock.Advance(new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.Zero) - fixture.Clock.GetUtcNow());
        Assert.True((await paused.StartPauseAsync(new PauseRequest(null, null))).IsOk);
        await TickAsync(keen);
        await Task.Delay(300);
        Assert.Empty(await fixture.Inbox.ToAsync(keenAddress));

        // Friday: without today the week cannot make three. One nudge, however often it ticks.
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        foreach (var employee in new[] { keen, keen, paused, plain })
        {
            await TickAsync(employee);
        }

        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await TickAsync(keen);
        await fixture.Inbox.WaitForAsync(keenAddress);
        await Task.Delay(500);

        var nudge = Assert.Single(await fixture.Inbox.ToAsync(keenAddress), e => e.Subject == "Keep your streak going");
        Assert.Contains("/notifications/unsubscribe?tenant=nudges&employee=keen&token=", nudge.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("pain", nudge.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await fixture.Inbox.ToAsync(pausedAddress), e => e.Subject == "Keep your streak going");
        Assert.DoesNotContain(await fixture.Inbox.ToAsync(plainAddress), e => e.Subject == "Keep your streak going");
    }

    private async Task<(IEmployeeGrain Grain, string Address)> PersonAsync(string id, bool nudge)
    {
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee(Tenant, id));
        Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
        Assert.True((await employee.ScreenAsync(new ScreeningAnswers(2, false, false, []))).IsOk);
        var address = $"{id}-{Guid.NewGuid():N}@example.com";
        var set = await employee.SetNotificationsAsync(new ReminderChoice(true, address, "08:00", null, null, StreakNudge: nudge));
        Assert.True(set.IsOk, string.Join("; ", set.Errors.Select(e => e.Message)));
        return (employee, address);
    }

    private Task TickAsync(IEmployeeGrain employee)
    {
        var now = fixture.Clock.GetUtcNow().UtcDateTime;
        return employee.AsReference<IRemindable>().ReceiveReminder("streak-nudge", new TickStatus(now, TimeSpan.FromDays(1), now));
    }
}
