using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Grains.Tests;

/// <summary>An erasure repeated after the shard's write failed applies the leave once (issue 13, defect a).</summary>
public sealed class ErasureRetryTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Repeating_an_erasure_after_a_failed_shard_write_applies_the_leave_once()
    {
        using var scope = new TenantScope("erase-retry");
        await fixture.CreateTenantAsync("erase-retry");
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee("erase-retry", "leaver"));
        Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
        Assert.True((await employee.ScreenAsync(new ScreeningAnswers(3, false, false, []))).IsOk);
        Assert.True((await employee.LogSessionAsync(new LogSession("s-1", null, null, [new LoggedExercise(ExerciseCatalog.PartialCrunch, 10, 1, null)], null, null))).IsOk);

        // Let the session's batched flush land first, so the failing write is the erasure's own.
        for (var i = 0; i < 5; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        // The shard this person contributes to fails its next write, an outage rather than a conflict.
        var shardKey = Enumerable.Range(0, 2).Select(i => GrainKeys.Shard("erase-retry", i))
            .Single(k => k.EndsWith($"shard-{GrainKeys.ShardIndex("leaver", 2)}", StringComparison.Ordinal));
        fixture.Faults.FailNextWrite(GrainId.Create(GrainTypes.Shard, shardKey));
        await Assert.ThrowsAnyAsync<Exception>(() => Erase(employee));

        var again = await Erase(employee);
        Assert.True(again.IsOk, again.Detail);

        var counters = await fixture.Client.GetGrain<ITenantAggregateShardGrain>(shardKey).GetCountersAsync();
        Assert.Equal(1, counters.Where(kv => kv.Key.Metric == Metric.Left).Sum(kv => kv.Value));
        Assert.Equal(1, counters.Where(kv => kv.Key.Metric == Metric.Joined).Sum(kv => kv.Value));
    }

    private async Task<Outcome<EmployeeErasure>> Erase(IEmployeeGrain employee)
    {
        var erasing = employee.EraseAsync();
        while (!erasing.IsCompleted)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        return await erasing;
    }
}
