using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Grains.Tests.StateBounds;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// The clinician-directed track through the grains: treatment is stored on the person and tallied for
/// the case, never reaches the tenant's shards, and a closed case puts the person back on wellness.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TherapeuticTrackGrainTests(ClusterFixture fixture)
{
    private static readonly LoggedExercise[] Routine = [new(ExerciseCatalog.PartialCrunch, 10, 1, null), new(ExerciseCatalog.WallSit, 10, 10, null)];

    private async Task<(IEmployeeGrain Employee, IIncidentGrain Case)> PersonWithCaseAsync(string tenantId)
    {
        await fixture.CreateTenantAsync(tenantId);
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenantId, "e1"));
        Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
        Assert.True((await employee.ScreenAsync(new ScreeningAnswers(3, true, false, []))).IsOk);
        var incident = fixture.Client.GetGrain<IIncidentGrain>(GrainKeys.Incident(tenantId, "case-1"));
        var report = new IncidentReport(fixture.Clock.GetUtcNow().AddHours(-2), "Loading bay", "Lifting", "Felt a pull", "Back strain", "Lower back", TreatmentSought.Clinician, false);
        Assert.True((await incident.ReportAsync("e1", report)).IsOk);
        return (employee, incident);
    }

    private static LogSession Session(string id) => new(id, null, null, Routine, null, null);

    private static long Activity(Dictionary<CellKey, long> counters) =>
        counters.Where(kv => kv.Key.Metric is Metric.Active or Metric.Sessions or Metric.StreakWeeks or Metric.MetTarget).Sum(kv => kv.Value);

    [Fact]
    public async Task Treatment_is_stored_on_the_person_and_tallied_for_the_case_but_never_reaches_the_shards()
    {
        using var scope = new TenantScope("track-shards");
        var (employee, _) = await PersonWithCaseAsync("track-shards");
        Assert.True((await employee.LogSessionAsync(Session("s-wellness"))).IsOk);
        Assert.Equal(1, (await Shards.CountersAsync(fixture.Client, "track-shards")).Where(kv => kv.Key.Metric == Metric.Sessions).Sum(kv => kv.Value));

        var moved = await employee.MoveToTherapeuticTrackAsync(new TherapeuticMove("case-1", "Dr. Rivera, occupational physician", "cw-7"));
        Assert.True((await employee.LogSessionAsync(Session("s-treatment"))).IsOk);

        Assert.Equal(CareTrack.Therapeutic, moved.Value!.Track!.Current);
        var status = (await employee.GetStatusAsync()).Value!;
        var period = Assert.Single(status.Track!.Periods);
        Assert.Equal(("case-1", "Dr. Rivera, occupational physician", "cw-7", 1), (period.IncidentId, period.DirectedBy, period.MovedBy, period.TreatmentSessions));
        Assert.Equal(2, (await employee.GetSessionsAsync()).Value!.Count);

        // The week on the track is treatment: the wellness session of that week is withdrawn with it, exactly.
        var counters = await Shards.CountersAsync(fixture.Client, "track-shards");
        Assert.Equal(0, Activity(counters));
        Assert.Equal(1, counters.Where(kv => kv.Key.Metric == Metric.Joined).Sum(kv => kv.Value));
        var whole = await employee.ReconcileAsync();
        Assert.Equal(Shards.Sorted(whole.Counters), Shards.Sorted(counters));
    }

    [Fact]
    public async Task Closing_the_case_puts_the_person_back_on_the_wellness_track()
    {
        using var scope = new TenantScope("track-close");
        var (employee, incident) = await PersonWithCaseAsync("track-close");
        Assert.True((await employee.MoveToTherapeuticTrackAsync(new TherapeuticMove("case-1", "Dr. Rivera", "cw-7"))).IsOk);

        Assert.True((await incident.TransitionAsync(IncidentStatus.Triaged, "cw-7", null)).IsOk);
        Assert.Equal(CareTrack.Therapeutic, (await employee.GetStatusAsync()).Value!.Track!.Current);
        Assert.True((await incident.TransitionAsync(IncidentStatus.Closed, "cw-8", "recovered")).IsOk);

        var track = (await employee.GetStatusAsync()).Value!.Track!;
        Assert.Equal(CareTrack.Wellness, track.Current);
        Assert.Equal("cw-8", Assert.Single(track.Periods).EndedBy);
    }

    [Fact]
    public async Task Moving_back_when_already_on_wellness_is_refused_and_changes_nothing()
    {
        using var scope = new TenantScope("track-refused");
        var (employee, _) = await PersonWithCaseAsync("track-refused");

        var refused = await employee.ReturnToWellnessTrackAsync("cw-7");
        var invalid = await employee.MoveToTherapeuticTrackAsync(new TherapeuticMove("case-1", " ", "cw-7"));

        Assert.Equal((OutcomeKind.Conflict, "not_therapeutic"), (refused.Kind, refused.Code));
        Assert.Equal((OutcomeKind.Invalid, "directedBy"), (invalid.Kind, invalid.Errors[0].Field));
        Assert.Empty((await employee.GetStatusAsync()).Value!.Track!.Periods);
    }
}
