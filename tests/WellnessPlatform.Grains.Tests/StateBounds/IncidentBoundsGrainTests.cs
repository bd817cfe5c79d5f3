using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Grains.Incidents;

namespace WellnessPlatform.Grains.Tests.StateBounds;

/// <summary>A case's timeline and texts are bounded where they enter.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IncidentBoundsGrainTests(ClusterFixture fixture)
{
    private IncidentReport Report() => new(fixture.Clock.GetUtcNow().AddDays(-1), "Loading bay", "Lifting boxes", "Twisted while lifting",
        "Strain", "Lower back", TreatmentSought.FirstAid, false);

    [Fact]
    public async Task The_longest_workflow_fills_the_timeline_to_its_bound_and_a_closed_case_refuses_more()
    {
        using var scope = new TenantScope("timeline");
        var incident = fixture.Client.GetGrain<IIncidentGrain>(GrainKeys.Incident("timeline", "longest"));
        Assert.True((await incident.ReportAsync("e1", Report())).IsOk);
        foreach (var status in new[] { IncidentStatus.Triaged, IncidentStatus.InTreatment, IncidentStatus.RestrictedDuty, IncidentStatus.ReturnToWork, IncidentStatus.Closed })
        {
            Assert.True((await incident.TransitionAsync(status, "cw1", "step")).IsOk);
        }

        var refused = await incident.TransitionAsync(IncidentStatus.Triaged, "cw1", null);

        Assert.Equal((OutcomeKind.Conflict, "transition_not_allowed"), (refused.Kind, refused.Code));
        Assert.Equal(IncidentState.MaxTimelineEntries, (await incident.GetAsync()).Value!.Timeline.Count);
    }

    [Fact]
    public async Task A_full_timeline_refuses_a_further_step_with_409_and_changes_nothing()
    {
        // A timeline at its bound on a case still open: only a workflow with a cycle could build it, so it is stored directly.
        using var scope = new TenantScope("timeline-full");
        var at = fixture.Clock.GetUtcNow();
        var stored = new IncidentState { EmployeeId = "e1", Report = Report(), ReportedAt = at };
        stored.Timeline.AddRange(Enumerable.Range(0, IncidentState.MaxTimelineEntries)
            .Select(i => new IncidentTransition(i == 0 ? IncidentStatus.Reported : IncidentStatus.InTreatment, at, "cw1", null)));
        await StoredState.WriteAsync(fixture, GrainTypes.Incident, GrainKeys.Incident("timeline-full", "looped"), StorageNames.IncidentState, stored);
        var incident = fixture.Client.GetGrain<IIncidentGrain>(GrainKeys.Incident("timeline-full", "looped"));

        var refused = await incident.TransitionAsync(IncidentStatus.RestrictedDuty, "cw1", "again");

        Assert.Equal((OutcomeKind.Conflict, "timeline_full"), (refused.Kind, refused.Code));
        Assert.Equal(stored.Timeline, (await incident.GetAsync()).Value!.Timeline);
    }

    [Fact]
    public async Task Actors_and_notes_beyond_their_length_are_refused_naming_the_field()
    {
        using var scope = new TenantScope("timeline-text");
        var incident = fixture.Client.GetGrain<IIncidentGrain>(GrainKeys.Incident("timeline-text", "texts"));
        Assert.Equal("employeeId", Assert.Single((await incident.ReportAsync(new string('e', IncidentState.MaxActorLength + 1), Report())).Errors).Field);
        Assert.True((await incident.ReportAsync("e1", Report())).IsOk);

        var refused = await incident.TransitionAsync(IncidentStatus.Triaged, new string('c', IncidentState.MaxActorLength + 1), new string('n', IncidentState.MaxTextLength + 1));

        Assert.Equal(["note", "actor"], refused.Errors.Select(e => e.Field));
        Assert.Single((await incident.GetAsync()).Value!.Timeline);
    }
}
