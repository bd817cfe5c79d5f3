using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Tenants;

namespace WellnessPlatform.Benchmarks;

/// <summary>A tenant with enrolled, screened employees, ready to log sessions.</summary>
internal static class Scenario
{
    public const string Tenant = "bench";

    /// <summary>The system actor the benchmarks call grains as (they call them directly, not over HTTP).</summary>
    public const string Actor = "bench";

    public static readonly LoggedExercise[] Routine = [new("wall-sit", 10, 10, null)];

    public static async Task SetUpTenantAsync(IGrainFactory grains, int shards)
    {
        using var scope = TenantContext.System(Scenario.Actor, Tenant);
        await grains.GetGrain<ITenantGrain>(Tenant).ConfigureAsync(new TenantConfig("Benchmark employer", ["office", "plant"], "Etc/UTC",
            PrivacyThresholds.Default, PlanSettings.Default, null, null, shards));
    }

    public static async Task SetUpAsync(IGrainFactory grains, int employees, int shards)
    {
        await SetUpTenantAsync(grains, shards);
        await Parallel.ForEachAsync(Enumerable.Range(0, employees), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            using var scope = TenantContext.System(Scenario.Actor, Tenant);
            var employee = Employee(grains, i);
            await employee.EnrolAsync(new Enrolment("Etc/UTC", i % 2 == 0 ? "office" : "plant", []));
            await employee.ScreenAsync(new ScreeningAnswers(3, false, false, []));
        });
    }

    public static IEmployeeGrain Employee(IGrainFactory grains, int i) => grains.Get<IEmployeeGrain>(GrainKeys.Employee(Tenant, $"e{i}"));

    public static async Task LogAsync(IGrainFactory grains, int employee, string sessionId)
    {
        var outcome = await Employee(grains, employee).LogSessionAsync(new LogSession(sessionId, null, null, Routine, null, null));
        if (!outcome.IsOk)
        {
            throw new InvalidOperationException($"Session refused: {outcome.Code} {outcome.Detail} {string.Join("; ", outcome.Errors.Select(e => $"{e.Field} {e.Code}: {e.Message}"))}");
        }
    }
}
