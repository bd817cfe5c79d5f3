using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Grains.Tests;

/// <summary>Moves the clock, so it has a cluster of its own; reads the meters, so it runs apart from other metered tests.</summary>
[Collection(MeteredCollection.Name)]
public sealed class LateEntryTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_forgotten_session_logged_late_completes_the_week_for_the_streak_and_the_tenant()
    {
        long streaksStarted = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WellnessMetrics.MeterName && instrument.Name == "wellness.streaks.started")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref streaksStarted, value));
        listener.Start();

        using var scope = new TenantScope("late");
        await fixture.CreateTenantAsync("late");
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee("late", "e1"));
        await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []));
        await employee.ScreenAsync(new ScreeningAnswers(3, false, false, []));
        LoggedExercise[] routine = [new(ExerciseCatalog.WallSit, 10, 10, null)];

        await employee.LogSessionAsync(new LogSession("wed", null, null, routine, null, null)); // Wednesday 25th
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await employee.LogSessionAsync(new LogSession("thu", null, null, routine, null, null)); // Thursday 26th
        fixture.Clock.Advance(TimeSpan.FromDays(2)); // Saturday 28th: Friday was forgotten

        var before = (await employee.GetProgressAsync()).Value!;
        Assert.Equal(2, before.DaysDoneThisWeek);
        Assert.Equal(0, before.Report.CurrentStreak);

        var late = await employee.LogSessionAsync(new LogSession("fri", new DateOnly(2026, 11, 27), null, routine, null, null));
        Assert.True(late.IsOk);

        var after = (await employee.GetProgressAsync()).Value!;
        Assert.Equal(1, after.Report.CurrentStreak);
        Assert.Equal(1, Interlocked.Read(ref streaksStarted)); // the meter saw the streak begin
        Assert.Equal(1, await CounterAsync(Metric.MetTarget));
        Assert.Equal(3, await CounterAsync(Metric.Sessions));

        // Three days back is outside the two-day window and changes nothing.
        var refused = await employee.LogSessionAsync(new LogSession("old", new DateOnly(2026, 11, 25), null, routine, null, null));
        Assert.Equal("too_late", refused.Errors[0].Code);
        Assert.Equal(3, await CounterAsync(Metric.Sessions));
    }

    private async Task<long> CounterAsync(Metric metric)
    {
        long total = 0;
        for (var i = 0; i < 2; i++)
        {
            var counters = await fixture.Client.GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard("late", i)).GetCountersAsync();
            total += counters.Where(kv => kv.Key.Metric == metric).Sum(kv => kv.Value);
        }

        return total;
    }
}
