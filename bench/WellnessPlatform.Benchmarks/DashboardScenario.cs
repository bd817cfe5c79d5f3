using System.Diagnostics;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Tenants;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// A tenant of N people, built the way the employees would build it: each contributes one outbox entry
/// (joining a department, eight weeks of activity) to its shard under its own random token.
/// </summary>
internal static class DashboardScenario
{
    private const int Departments = 10;
    private const int Weeks = 8;
    private const int Shards = 16;

    public static async Task SeedAsync(IGrainFactory grains, string tenant, int employees)
    {
        using var scope = TenantContext.System(Scenario.Actor, tenant);
        var departments = Enumerable.Range(0, Departments).Select(d => $"dept-{d}").ToList();
        await grains.GetGrain<ITenantGrain>(tenant).ConfigureAsync(new TenantConfig("Sized employer", departments, "Etc/UTC",
            PrivacyThresholds.Default, PlanSettings.Default, null, null, Shards));
        var monday = LocalCalendar.WeekStart(DateOnly.FromDateTime(DateTime.UtcNow));
        var weeks = Enumerable.Range(0, Weeks).Select(w => LocalCalendar.IsoWeek(monday.AddDays(-7 * w))).ToList();
        var random = new Random(employees);
        var contributions = Enumerable.Range(0, employees).Select(i =>
        {
            var dept = departments[i % Departments];
            var delta = new Dictionary<CellKey, long> { [new CellKey(weeks[^1], dept, Metric.Joined)] = 1 };
            foreach (var week in weeks.Where(_ => random.NextDouble() < 0.7))
            {
                delta[new CellKey(week, dept, Metric.Active)] = 1;
                delta[new CellKey(week, dept, Metric.Sessions)] = random.Next(1, 7);
                delta[new CellKey(week, dept, Metric.StreakWeeks, random.Next(0, 9))] = 1;
            }

            return (Shard: i % Shards, Entry: new OutboxEntry(1, delta));
        }).ToList();

        await Parallel.ForEachAsync(contributions.Chunk(256), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, _) =>
        {
            using var scope = TenantContext.System(Scenario.Actor, tenant);
            foreach (var (shard, entry) in batch)
            {
                await grains.GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard(tenant, shard)).ApplyAsync(Guid.NewGuid(), [entry], 0);
            }
        });
    }

    /// <summary>
    /// p50 and p99 in ms, with the bytes allocated and gen-0 collections per read (whole process) for the
    /// profile. With <paramref name="afterChange"/>, a new contributor's session reaches one shard (in turn)
    /// before each read, untimed, so every timed read is the first after a change: the tenant merges the
    /// shards again instead of answering from its cached counters.
    /// </summary>
    public static async Task<(double P50, double P99, double BytesPerRead, double Gen0PerRead)> MeasureAsync(IGrainFactory grains, string tenant, int reads, bool afterChange)
    {
        using var scope = TenantContext.System(Scenario.Actor, tenant);
        var tenantGrain = grains.GetGrain<ITenantGrain>(tenant);
        for (var i = 0; i < 300; i++)
        {
            await tenantGrain.GetAdherenceAsync(Weeks); // warm-up, discarded
        }

        var week = LocalCalendar.IsoWeek(DateOnly.FromDateTime(DateTime.UtcNow));
        var samples = new double[reads];
        long allocated = 0;
        var collections = 0;
        for (var i = 0; i < reads; i++)
        {
            if (afterChange)
            {
                var change = new OutboxEntry(1, new Dictionary<CellKey, long> { [new CellKey(week, "dept-0", Metric.Sessions)] = 1 });
                await grains.GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard(tenant, i % Shards)).ApplyAsync(Guid.NewGuid(), [change], 0);
            }

            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var collectionsBefore = GC.CollectionCount(0);
            var clock = Stopwatch.StartNew();
            var report = await tenantGrain.GetAdherenceAsync(Weeks);
            samples[i] = clock.Elapsed.TotalMilliseconds;
            allocated += GC.GetTotalAllocatedBytes() - allocatedBefore;
            collections += GC.CollectionCount(0) - collectionsBefore;
            if (!report.IsOk)
            {
                throw new InvalidOperationException("The dashboard read failed.");
            }
        }

        var bytesPerRead = (double)allocated / reads;
        var gen0PerRead = (double)collections / reads;
        Array.Sort(samples);
        return (samples[reads / 2], samples[(int)Math.Ceiling(reads * 0.99) - 1], bytesPerRead, gen0PerRead);
    }
}
