using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Grains.Employees;

namespace WellnessPlatform.Benchmarks;

/// <summary>Memory per activated employee, and stored bytes per employee after years of daily use.</summary>
internal static class MemoryScenario
{
    private static readonly LoggedExercise[] DailyRoutine =
    [
        new(ExerciseCatalog.PartialCrunch, 10, 1, null),
        new(ExerciseCatalog.HamstringStretch, 3, 20, Side.Left),
        new(ExerciseCatalog.HamstringStretch, 3, 20, Side.Right),
        new(ExerciseCatalog.WallSit, 10, 10, null),
    ];

    /// <summary>Activates N employees, each with a year of daily sessions and two pain scores a day; returns bytes per employee.</summary>
    public static async Task<(double HeapBytes, double WorkingSetBytes, int Activations)> PerActivationAsync(int employees, bool withHistory)
    {
        using var host = await BenchSilo.StartAsync(storage: true);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        await Scenario.SetUpTenantAsync(grains, shards: 8);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var (heapBefore, setBefore) = Measure();
        await Parallel.ForEachAsync(Enumerable.Range(0, employees), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            using var scope = TenantContext.System(Scenario.Actor, Scenario.Tenant);
            var employee = Scenario.Employee(grains, i);
            var outcome = withHistory
                ? await employee.ImportHistoryAsync(YearOfHistory(i, today))
                : await employee.EnrolAsync(new Enrolment("Etc/UTC", i % 2 == 0 ? "office" : "plant", []));
            if (!outcome.IsOk)
            {
                throw new InvalidOperationException($"Import refused: {outcome.Code} {string.Join("; ", outcome.Errors.Select(e => e.Field + " " + e.Message))}");
            }
        });

        // Steady state: the shards' batched flush confirms the imports, and outboxes empty.
        await Task.Delay(TimeSpan.FromSeconds(8));
        var (heapAfter, setAfter) = Measure();

        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var active = statistics.Where(s => s.GrainType.Contains(nameof(EmployeeGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount);
        await host.StopAsync();
        return ((double)(heapAfter - heapBefore) / employees, (double)(setAfter - setBefore) / employees, active);
    }

    /// <summary>Employees who log a session with pain before and after every day for the given years, as they would.</summary>
    public static async Task<(double Average, int Max)> StoredAfterYearsAsync(int employees, int years)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(-years));
        // Fake time fires a periodic timer once per elapsed period; hours, not seconds, keep a day's jump cheap.
        using var host = await BenchSilo.StartAsync(storage: true, clock: clock, timersEvery: TimeSpan.FromHours(6));
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var storage = host.Services.GetRequiredService<MeasuringGrainStorage>();
        await Scenario.SetUpAsync(grains, employees, shards: 4);
        storage.RecordSizes = true;
        var days = years * 365 + years / 4;
        for (var day = 0; day < days; day++)
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, employees), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            {
                using var scope = TenantContext.System(Scenario.Actor, Scenario.Tenant);
                var outcome = await Scenario.Employee(grains, i).LogSessionAsync(new LogSession($"d{day}", null, null, DailyRoutine, 3 + (day % 3), 2 + (day % 2)));
                if (!outcome.IsOk)
                {
                    throw new InvalidOperationException($"Session refused: {outcome.Code} {outcome.Detail}");
                }
            });
            clock.Advance(TimeSpan.FromDays(1));
        }

        var employeeIds = Enumerable.Range(0, employees).Select(i => Scenario.Employee(grains, i).GetGrainId()).ToHashSet();
        var sizes = storage.Sizes.Where(kv => employeeIds.Contains(kv.Key)).Select(kv => kv.Value).ToList();
        await host.StopAsync();
        return (sizes.Average(), sizes.Max());
    }

    /// <summary>The same five years kept raw, as before retention: the baseline, serialized the same way.</summary>
    public static int RawSize(Serializer serializer, int years)
    {
        var state = new EmployeeState { Enrolled = true, EnrolledOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-years) };
        var day = state.EnrolledOn;
        for (var i = 0; i < years * 365; i++, day = day.AddDays(1))
        {
            var at = day.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
            state.Sessions.Add(new SessionRecord($"d{i}", day, at, DailyRoutine, true, 3, 2));
        }

        return new Orleans.Storage.OrleansGrainStorageSerializer(serializer).Serialize(state).ToMemory().Length;
    }

    private static ImportedHistory YearOfHistory(int i, DateOnly today)
    {
        var enrolled = today.AddDays(-364);
        var sessions = new List<SessionRecord>(365);
        for (var day = enrolled; day <= today; day = day.AddDays(1))
        {
            // Ids as a client sends them; pain before and after, as the portal asks for it.
            var at = day.ToDateTime(new TimeOnly(7, 30), DateTimeKind.Utc);
            sessions.Add(new SessionRecord(Guid.NewGuid().ToString(), day, at, DailyRoutine, true, 3, 2));
        }

        return new ImportedHistory(enrolled, new Enrolment("Etc/UTC", i % 2 == 0 ? "office" : "plant", []),
            new ScreeningAnswers(3, false, false, []), sessions, []);
    }

    private static (long Heap, long WorkingSet) Measure()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
