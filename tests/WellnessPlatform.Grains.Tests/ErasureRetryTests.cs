using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Grains.Employees;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// An erasure that fails part-way can be repeated: after either of the shard's writes failed, the leave
/// is applied and the departed share counted once (issue 13, defects a and b); after its own state write
/// failed the activation is gone, so nothing it held only in memory outlives the failure (item 3d).
/// </summary>
public sealed class ErasureRetryTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    /// <param name="failingState">Null: the shard's first write (the leave and the dropped token) fails; or the departed share's own write.</param>
    [Theory]
    [InlineData("erase-retry", null)]
    [InlineData("erase-departed", StorageNames.ShardDepartedState)]
    public async Task Repeating_an_erasure_after_a_failed_shard_write_applies_the_leave_and_counts_the_share_once(string tenant, string? failingState)
    {
        using var scope = new TenantScope(tenant);
        var (employee, shardKey) = await LeaverAsync(tenant);

        // An outage rather than a conflict.
        fixture.Faults.FailNextWrite(GrainId.Create(GrainTypes.Shard, shardKey), failingState);
        await Assert.ThrowsAnyAsync<Exception>(() => Erase(employee));

        var again = await Erase(employee);
        Assert.True(again.IsOk, again.Detail);
        await DepartureAssertions.AssertLeftOnceAsync(fixture.Client, shardKey);
    }

    [Fact]
    public async Task A_forget_repeated_after_it_was_stored_changes_nothing()
    {
        using var scope = new TenantScope("forget-twice");
        await fixture.CreateTenantAsync("forget-twice");
        var shard = fixture.Client.GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard("forget-twice", 0));
        var token = Guid.NewGuid();
        var joined = new CellKey(CounterRetention.FoldedWeek, "office", Metric.Joined);
        var left = new CellKey(CounterRetention.FoldedWeek, "office", Metric.Left);
        await shard.ApplyAsync(token, [new OutboxEntry(1, new Dictionary<CellKey, long> { [joined] = 1 })], 0);
        IReadOnlyList<OutboxEntry> leave = [new OutboxEntry(1, new Dictionary<CellKey, long> { [joined] = 1 }), new OutboxEntry(2, new Dictionary<CellKey, long> { [left] = 1 })];
        var share = new Dictionary<CellKey, long> { [joined] = 1, [left] = 1 };

        await shard.ForgetAsync(token, leave, share);
        await shard.ForgetAsync(token, leave, share);

        // And a resend from the erased token, as an activation that had not heard of the erasure would send.
        await shard.ApplyAsync(token, leave, 0);

        var counters = await shard.GetCountersAsync();
        Assert.Equal((1, 1), (counters[joined], counters[left]));
        var departed = await shard.GetDepartedAsync();
        Assert.Equal((1, 1), (departed[joined], departed[left]));
    }

    /// <summary>In the caller's tenant scope: a screened person with one session, and the key of their shard.</summary>
    private async Task<(IEmployeeGrain Employee, string ShardKey)> LeaverAsync(string tenant)
    {
        await fixture.CreateTenantAsync(tenant);
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenant, "leaver"));
        Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
        Assert.True((await employee.ScreenAsync(new ScreeningAnswers(3, false, false, []))).IsOk);
        Assert.True((await employee.LogSessionAsync(new LogSession("s-1", null, null, [new LoggedExercise(ExerciseCatalog.PartialCrunch, 10, 1, null)], null, null))).IsOk);

        // Let the session's batched flush land first, so the failing write is the erasure's own.
        for (var i = 0; i < 5; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        var shardKey = Enumerable.Range(0, 2).Select(i => GrainKeys.Shard(tenant, i))
            .Single(k => k.EndsWith($"shard-{GrainKeys.ShardIndex("leaver", 2)}", StringComparison.Ordinal));
        return (employee, shardKey);
    }

    [Fact]
    public async Task A_failed_erasure_state_write_drops_the_activation_so_the_next_call_starts_from_storage()
    {
        using var scope = new TenantScope("erase-write");
        await fixture.CreateTenantAsync("erase-write");
        var key = GrainKeys.Employee("erase-write", "leaver");
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(key);
        Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
        Assert.True((await employee.ScreenAsync(new ScreeningAnswers(3, false, false, []))).IsOk);

        // Storage is changed under the live activation, so the two differ: only an activation that reads
        // storage again can see the consent.
        var grain = GrainId.Create(GrainTypes.Employee, key);
        var storage = fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);
        var stored = new GrainState<EmployeeState>();
        await storage.ReadStateAsync(StorageNames.EmployeeState, grain, stored);
        stored.State!.CaseWorkerConsent = true;
        await storage.WriteStateAsync(StorageNames.EmployeeState, grain, stored);
        Assert.False((await employee.GetStatusAsync()).Value!.CaseWorkerConsent);

        // The erasure's first write (the leave, stored before the shard may see it) fails like an outage.
        fixture.Faults.FailNextWrite(grain);
        var failed = await Assert.ThrowsAnyAsync<Exception>(() => Erase(employee));
        Assert.Contains("Injected storage outage", failed.ToString(), StringComparison.Ordinal);

        Assert.True((await employee.GetStatusAsync()).Value!.CaseWorkerConsent, "The activation that failed to store the erasure still answers from memory.");
        var again = await Erase(employee);
        Assert.True(again.IsOk, again.Detail);
        Assert.Equal(OutcomeKind.NotFound, (await employee.GetStatusAsync()).Kind);
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
