using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// Reminders and timers carry no tenant and no system actor, yet the boundary lets them in: a reminder
/// tick comes from Orleans' reminder service, a timer tick from the grain itself, and the calls either
/// makes go to grains of the grain's own tenant. Moves the clock, so it has a cluster of its own; reads
/// the meters, so it runs apart from the other metered tests.
/// </summary>
[Collection(MeteredCollection.Name)]
public sealed class BackgroundWorkIsolationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Reminders_and_timers_reach_their_grains_and_the_grains_of_their_tenant()
    {
        var wakeups = new ConcurrentDictionary<string, int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WellnessMetrics.MeterName && instrument.Name == "wellness.wakeups")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "kind" && tag.Value is string kind)
                {
                    wakeups.AddOrUpdate(kind, (int)value, (_, n) => n + (int)value);
                }
            }
        });
        listener.Start();

        var tenant = fixture.Client.GetGrain<ITenantGrain>("wake");
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee("wake", "e1"));
        string? releasedBefore;
        using (new TenantScope("wake"))
        {
            await fixture.CreateTenantAsync("wake");
            Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
            Assert.True((await employee.ScreenAsync(new ScreeningAnswers(3, false, false, []))).IsOk);
            Assert.True((await employee.LogSessionAsync(new LogSession("s-1", null, null, [new LoggedExercise(ExerciseCatalog.WallSit, 10, 10, null)], null, null))).IsOk);

            // Nothing has run in the background yet: the shard has not flushed, nothing is released.
            Assert.True((await employee.ReconcileAsync()).PendingCorrections > 0);
            releasedBefore = await tenant.GetReleasedThroughAsync();
        }

        // Through the tenant's daily release and then the person's Monday review, nobody stamping anything.
        Assert.Null(TenantContext.Current);
        var (released, pending) = (releasedBefore, -1);
        async Task<bool> ReadAsync()
        {
            using var scope = new TenantScope("wake");
            released = await tenant.GetReleasedThroughAsync();
            pending = (await employee.ReconcileAsync()).PendingCorrections;
            return true;
        }

        await PassAsync(GrainId.Create(GrainTypes.Tenant, "wake"), async () => await ReadAsync() && released != releasedBefore);
        await PassAsync(GrainId.Create(GrainTypes.Employee, GrainKeys.Employee("wake", "e1")), async () => await ReadAsync() && wakeups.GetValueOrDefault("review") > 0 && pending == 0);

        Assert.True(wakeups.GetValueOrDefault("release") > 0, "the tenant's daily-release reminder did not reach the tenant grain");
        Assert.True(wakeups.GetValueOrDefault("review") > 0, "the person's weekly-review reminder did not reach the employee grain");
        Assert.NotEqual(releasedBefore, released); // the release read every shard and told them what it released
        Assert.Equal(0, pending); // the shard's flush timer stored the session, and the person heard so
    }

    /// <summary>
    /// Moves the clock to just before the grain's reminder is due, then a little at a time past it (the
    /// reminder service loads reminders due within minutes, and timers fire as the clock moves), until done.
    /// </summary>
    private async Task PassAsync(GrainId grain, Func<Task<bool>> done)
    {
        var due = new DateTimeOffset(Assert.Single(await fixture.RemindersAsync(grain)).StartAt, TimeSpan.Zero);
        var now = fixture.Clock.GetUtcNow();
        while (due < now)
        {
            due += TimeSpan.FromDays(1); // a daily reminder's next tick
        }

        if (due - now > TimeSpan.FromMinutes(6))
        {
            fixture.Clock.Advance(due - now - TimeSpan.FromMinutes(6));
        }

        for (var i = 0; i < 240 && !await done(); i++)
        {
            await Task.Delay(50);
            fixture.Clock.Advance(TimeSpan.FromSeconds(15));
        }
    }
}
