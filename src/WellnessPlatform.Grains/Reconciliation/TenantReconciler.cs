using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Grains.Reconciliation;

/// <summary>
/// Recomputes a tenant's aggregates from its employee grains and compares them with what the shards
/// hold. An application service beside the grains, not a grain: it waits seconds for corrections in
/// flight, which would hold up the tenant grain, and only the roster knows who the employees are. The
/// result names weeks, departments and metrics, never people.
/// </summary>
public sealed class TenantReconciler(IGrainFactory grains)
{
    private const int Rounds = 20;
    private const int PageSize = 1000;

    public const string SystemActor = "reconciler";

    public async Task<ReconciliationReport?> ReconcileAsync(string tenantId, CancellationToken cancellationToken)
    {
        // Named in logs and traces; inside a request it stays within the caller's own tenant.
        using var scope = TenantContext.System(SystemActor, tenantId);
        var config = await grains.GetGrain<ITenantGrain>(tenantId).GetConfigAsync();
        if (config is null)
        {
            return null;
        }

        var roster = grains.GetGrain<IRosterGrain>(GrainKeys.Roster(tenantId));
        var expected = new Dictionary<CellKey, long>();
        var enrolled = 0;
        var pending = 0;

        // Corrections still travelling to a shard are not an error: give them a few rounds to land.
        for (var round = 0; round < Rounds; round++)
        {
            expected.Clear();
            (enrolled, pending) = (0, 0);

            // The roster is read a page at a time, so a tenant of any size is never held in one list.
            string? continuation = null;
            do
            {
                var page = await roster.PageAsync(PageSize, continuation);
                continuation = page.ContinuationToken;
                foreach (var batch in page.Items.Chunk(64))
                {
                    var snapshots = await Task.WhenAll(batch.Select(i => grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenantId, i.EmployeeId)).ReconcileAsync()));
                    foreach (var snapshot in snapshots.Where(s => s.Enrolled))
                    {
                        enrolled++;
                        pending += snapshot.PendingCorrections;
                        foreach (var (key, value) in snapshot.Counters)
                        {
                            expected[key] = expected.GetValueOrDefault(key) + value;
                        }
                    }
                }
            }
            while (continuation is not null && !cancellationToken.IsCancellationRequested);

            if (pending == 0)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        // Weeks already released are kept by the tenant as shown; both sides are compared as the shards keep them.
        var releasedThrough = await grains.GetGrain<ITenantGrain>(tenantId).GetReleasedThroughAsync();
        var actual = new Dictionary<CellKey, long>();
        for (var i = 0; i < config.AggregateShards; i++)
        {
            var shard = grains.GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard(tenantId, i));
            foreach (var (key, value) in await shard.GetCountersAsync())
            {
                actual[key] = actual.GetValueOrDefault(key) + value;
            }

            // Erased people cannot be asked any more; the shard kept their share, summed, when it forgot them.
            foreach (var (key, value) in await shard.GetDepartedAsync())
            {
                expected[key] = expected.GetValueOrDefault(key) + value;
            }
        }

        expected = CounterRetention.Apply(expected, releasedThrough);
        actual = CounterRetention.Apply(actual, releasedThrough);
        var differences = expected.Keys.Union(actual.Keys)
            .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .OrderBy(k => k.Week, StringComparer.Ordinal).ThenBy(k => k.Department, StringComparer.Ordinal).ThenBy(k => k.Metric).ThenBy(k => k.Bucket)
            .Select(k => new CounterDifference(k.Week, k.Department, k.Metric, k.Bucket, expected.GetValueOrDefault(k), actual.GetValueOrDefault(k)))
            .ToList();
        return new ReconciliationReport(enrolled, expected.Count, pending, differences);
    }
}
