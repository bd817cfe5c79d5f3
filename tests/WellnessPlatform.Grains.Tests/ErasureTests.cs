using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// The grains' side of export and erasure (the storage path is covered by the integration tests on
/// Azurite). Moves the clock (the shard flushes on a timer), so it has a cluster of its own.
/// </summary>
public sealed class ErasureTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Erasure_ends_the_share_as_a_leaver_deletes_the_state_and_is_not_repeated()
    {
        using var scope = new TenantScope("erasure");
        await fixture.CreateTenantAsync("erasure");
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee("erasure", "gone"));
        Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
        Assert.True((await employee.ScreenAsync(new ScreeningAnswers(3, false, false, []))).IsOk);
        Assert.True((await employee.LogSessionAsync(new LogSession("s-1", null, null, [new LoggedExercise(ExerciseCatalog.PartialCrunch, 10, 1, null)], 4, 3))).IsOk);
        var export = (await employee.ExportAsync()).Value!;
        Assert.Equal("s-1", Assert.Single(export.Sessions).ClientSessionId);
        Assert.Equal([4, 3], export.CheckIns.Select(c => c.Pain));

        var erasing = employee.EraseAsync();
        while (!erasing.IsCompleted)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1)); // lets the shard's flush timer run
            await Task.Delay(50);
        }

        var erased = await erasing;

        Assert.True(erased.IsOk, erased.Detail);
        Assert.Equal(OutcomeKind.NotFound, (await employee.GetStatusAsync()).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await employee.ExportAsync()).Kind);
        Assert.Equal("not_enrolled", (await employee.EraseAsync()).Code);
        var counters = new Dictionary<CellKey, long>();
        for (var i = 0; i < 2; i++)
        {
            foreach (var (key, value) in await fixture.Client.GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard("erasure", i)).GetCountersAsync())
            {
                counters[key] = counters.GetValueOrDefault(key) + value;
            }
        }

        Assert.Equal(1, counters.Where(kv => kv.Key.Metric == Metric.Left).Sum(kv => kv.Value));
        Assert.Equal(1, counters.Where(kv => kv.Key.Metric == Metric.Sessions).Sum(kv => kv.Value));
        Assert.DoesNotContain(counters.Keys, k => k.Metric is Metric.ScreenedClear or Metric.ScreenedHeld);
    }

    [Fact]
    public async Task A_disconnected_incident_keeps_its_report_but_names_only_the_erasure_reference()
    {
        using var scope = new TenantScope("erasure-case");
        await fixture.CreateTenantAsync("erasure-case");
        var incident = fixture.Client.GetGrain<IIncidentGrain>(GrainKeys.Incident("erasure-case", "c1"));
        var report = new IncidentReport(ClusterFixture.Start.AddHours(-2), "Dock", "Lifting", "Pulled", "Strain", "Back", TreatmentSought.None, false);
        Assert.True((await incident.ReportAsync("reporter", report)).IsOk);
        Assert.True((await incident.TransitionAsync(IncidentStatus.Triaged, "cw", null)).IsOk);

        Assert.Equal("not_reporter", (await incident.DisconnectReporterAsync("someone-else", "erased-x")).Code);
        var kept = (await incident.DisconnectReporterAsync("reporter", "erased-x")).Value!;

        Assert.Equal("erased-x", kept.EmployeeId);
        Assert.Equal(["erased-x", "cw"], kept.Timeline.Select(t => t.Actor));
        Assert.Equal(report, kept.Report);
        var index = fixture.Client.GetGrain<IIncidentIndexGrain>(GrainKeys.IncidentIndex("erasure-case"));
        Assert.Empty((await index.QueryAsync(new IncidentQueueQuery(EmployeeId: "reporter"))).Items);
        Assert.Single((await index.QueryAsync(new IncidentQueueQuery(EmployeeId: "erased-x"))).Items);
        Assert.Equal(1, (await index.CountsAsync())[IncidentStatus.Triaged]); // a new reporter is no new case
    }
}
