using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Domain.Screening;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// The team's alert for a Form 301 coming due: time alone puts the case in the queue (the case's own
/// reminder, two days before), and that entry is announced once however often the reminder ticks.
/// Moves the clock, so it has a cluster of its own.
/// </summary>
public sealed class CaseWorkAlertTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string Tenant = "alerts";

    [Fact]
    public async Task A_form_301_coming_due_is_announced_once_two_days_ahead_and_a_new_incident_and_a_hold_once_each()
    {
        using var scope = new TenantScope(Tenant);
        var team = $"team-{Guid.NewGuid():N}@example.com";
        await fixture.CreateTenantAsync(Tenant);
        var tenant = fixture.Client.GetGrain<ITenantGrain>(Tenant);
        Assert.True((await tenant.ConfigureAsync((await tenant.GetConfigAsync())! with { CaseWorkEmail = team })).IsOk);

        var incident = fixture.Client.GetGrain<IIncidentGrain>(GrainKeys.Incident(Tenant, "c1"));
        var report = new IncidentReport(ClusterFixture.Start.AddHours(-1), "Dock", "Lifting", "Pulled", "Strain", "Back", TreatmentSought.None, false);
        Assert.True((await incident.ReportAsync("ann", report)).IsOk);
        Assert.Single(await fixture.Inbox.WaitForAsync(team));

        var held = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee(Tenant, "held"));
        Assert.True((await held.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
        Assert.True((await held.ScreenAsync(new ScreeningAnswers(8, false, false, []))).IsOk);
        Assert.Equal(2, (await fixture.Inbox.WaitForAsync(team, 2)).Count);

        // Four days on, the notice is not due yet; at five (two days before the seventh) it is, once.
        var form301 = GrainId.Create(GrainTypes.Incident, GrainKeys.Incident(Tenant, "c1"));
        Assert.Contains(await fixture.RemindersAsync(form301), r => r.ReminderName == "form301-notice");
        fixture.Clock.Advance(TimeSpan.FromDays(4));
        await TickAsync(incident);
        await Task.Delay(500);
        Assert.Equal(2, (await fixture.Inbox.ToAsync(team)).Count);

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await TickAsync(incident);
        await TickAsync(incident);
        await fixture.Inbox.WaitForAsync(team, 3);
        await Task.Delay(500);

        var sent = await fixture.Inbox.ToAsync(team);
        Assert.Equal(3, sent.Count);
        Assert.Equal(3, sent.Select(e => e.MessageId).Distinct().Count());
        Assert.All(sent, e => Assert.Contains("/casework/queue", e.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(await fixture.RemindersAsync(form301), r => r.ReminderName == "form301-notice");
    }

    private Task TickAsync(IIncidentGrain incident)
    {
        var now = fixture.Clock.GetUtcNow().UtcDateTime;
        return incident.AsReference<IRemindable>().ReceiveReminder("form301-notice", new TickStatus(now, TimeSpan.FromDays(1), now));
    }
}
