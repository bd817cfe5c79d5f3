using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.CareQueue;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Domain.CareQueue;
using WellnessPlatform.Domain.Incidents;

namespace WellnessPlatform.Grains.Tests.CareQueue;

/// <summary>A case's entries in the work queue as it moves along its workflow. Moves the clock, so it has a cluster of its own.</summary>
public sealed class CaseQueueGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string T = "cq-cases";

    private async Task<IReadOnlyList<CareQueueItem>> ListedAsync(CareQueueKind kind) =>
        (await fixture.Client.GetGrain<ICareQueueGrain>(GrainKeys.CareQueue(T)).QueryAsync(new CareQueueQuery(kind))).Items;

    [Fact]
    public async Task A_case_is_a_new_incident_then_on_restricted_duty_until_its_end_date_then_form_301_due_and_gone_once_closed()
    {
        using var scope = new TenantScope(T);
        await fixture.CreateTenantAsync(T);
        var reportedAt = fixture.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(reportedAt.UtcDateTime);
        var incident = fixture.Client.GetGrain<IIncidentGrain>(GrainKeys.Incident(T, "c1"));
        var report = new IncidentReport(reportedAt.AddHours(-1), "Bay 3", "Lifting", "Felt a pull", "Strain", "Lower back", TreatmentSought.FirstAid, false);
        Assert.True((await incident.ReportAsync("ann", report)).IsOk);

        Assert.Equal(new CareQueueItem(CareQueueKind.NewIncident, "ann", "c1", today), Assert.Single(await ListedAsync(CareQueueKind.NewIncident)));
        Assert.Empty(await ListedAsync(CareQueueKind.Form301Due));

        Assert.True((await incident.TransitionAsync(IncidentStatus.Triaged, "cw", null)).IsOk);
        Assert.True((await incident.TransitionAsync(IncidentStatus.InTreatment, "cw", null)).IsOk);
        Assert.Empty(await ListedAsync(CareQueueKind.NewIncident));

        var refused = await incident.TransitionAsync(IncidentStatus.RestrictedDuty, "cw", null, today.AddDays(-1));
        Assert.Equal("until", Assert.Single(refused.Errors).Field);
        Assert.True((await incident.TransitionAsync(IncidentStatus.RestrictedDuty, "cw", null, today.AddDays(14))).IsOk);
        Assert.Equal(today.AddDays(14), Assert.Single(await ListedAsync(CareQueueKind.RestrictedDuty)).Day);

        // Five days on, two before the Form 301 is due: the next use of the case lists it.
        fixture.Clock.Advance(TimeSpan.FromDays(5));
        Assert.True((await incident.TransitionAsync(IncidentStatus.ReturnToWork, "cw", null)).IsOk);
        Assert.Empty(await ListedAsync(CareQueueKind.RestrictedDuty));
        Assert.Equal(today.AddDays(7), Assert.Single(await ListedAsync(CareQueueKind.Form301Due)).Day);

        Assert.True((await incident.TransitionAsync(IncidentStatus.Closed, "cw", null)).IsOk);
        Assert.All(await fixture.Client.GetGrain<ICareQueueGrain>(GrainKeys.CareQueue(T)).CountsAsync(), c => Assert.Equal(0, c.Value));
    }
}
